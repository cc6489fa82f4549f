package dev.ticketing.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The embedded MongoDB-compatible store that stands in for MongoDB on a laptop and in tests. It
 * listens on loopback only. With a data directory it keeps documents in an H2 file between runs;
 * without one it keeps them in memory. Production uses a real MongoDB replica set.
 */
public final class EmbeddedDocumentStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDocumentStore.class.getName());

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedDocumentStore(MongoBackend backend, String host, int port) {
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    /** A store kept in memory: what tests use. Port 0 picks a free one. */
    public static EmbeddedDocumentStore inMemory(String host, int port) {
        return new EmbeddedDocumentStore(new IndexedMemoryBackend(), host, port);
    }

    /**
     * As {@link #inMemory} with mongo-java-server's stock backend, which ignores secondary indexes
     * and scans the collection for every query: for comparison only.
     */
    static EmbeddedDocumentStore inMemoryScanning(String host, int port) {
        return new EmbeddedDocumentStore(new MemoryBackend(), host, port);
    }

    /**
     * A store kept in {@code dataDir/ticketing.mv.db}, surviving restarts and crashes: every write
     * is committed and synced to disk before it is acknowledged ({@link DurableH2Backend}).
     */
    public static EmbeddedDocumentStore inFile(Path dataDir, String host, int port)
            throws IOException {
        return inFile(dataDir, host, port, true);
    }

    /**
     * As {@link #inFile(Path, String, int)}; {@code fsync} false commits each write to the file
     * without syncing it.
     */
    public static EmbeddedDocumentStore inFile(Path dataDir, String host, int port, boolean fsync)
            throws IOException {
        Files.createDirectories(dataDir);
        return new EmbeddedDocumentStore(
                new DurableH2Backend(dataDir.resolve("ticketing.mv.db").toString(), fsync),
                host,
                port);
    }

    /**
     * As {@link #inFile} with mongo-java-server's stock H2 backend, which commits about once a
     * second: for comparison only.
     */
    static EmbeddedDocumentStore inFileCommittingInTheBackground(
            Path dataDir, String host, int port) throws IOException {
        Files.createDirectories(dataDir);
        return new EmbeddedDocumentStore(
                new H2Backend(dataDir.resolve("ticketing.mv.db").toString()), host, port);
    }

    public int port() {
        return address.getPort();
    }

    /** The connection string a MongoDB driver (and JNoSQL's jnosql.mongodb.url) uses. */
    public String url() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /**
     * Everything this process logs goes to one stream, standard output or the {@code --log} file,
     * and the wire's line per connection opened or closed is left out. The build starts the store
     * in the background (exec-maven-plugin, async), and nothing there reads its output: the plugin
     * closes its output file as soon as the process has started. Whatever the store wrote to a pipe
     * stayed there until the pipe was full, and then every connection hung on its log line; so the
     * build passes {@code --log}.
     */
    private static void logTo(PrintStream out) {
        System.setOut(out);
        System.setErr(out);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(
                new java.util.logging.ConsoleHandler()); // on that stream: made after setErr
        WIRE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final PrintStream STANDARD_OUTPUT = System.out;

    /** Held here: a logger nobody references may be collected, and its level with it. */
    private static final java.util.logging.Logger WIRE_LOG =
            java.util.logging.Logger.getLogger("de.bwaldvogel.mongo.wire");

    /**
     * {@code java -jar embedded-store.jar [--host 127.0.0.1] [--port 27017] [--data DIR
     * [--no-fsync] | --memory] [--log FILE]}. Prints one line "ready mongodb://host:port" (to the
     * log file, if one is named) once it accepts connections, then serves until killed.
     */
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--log")) {
                logTo(
                        new PrintStream(
                                new FileOutputStream(args[i + 1], true),
                                true,
                                StandardCharsets.UTF_8));
            }
        }
        if (System.out == STANDARD_OUTPUT) {
            logTo(STANDARD_OUTPUT);
        }
        String host = "127.0.0.1";
        int port = 27017;
        Path data = null;
        boolean backgroundCommit = false;
        boolean fsync = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--memory" -> data = null;
                case "--background-commit" -> backgroundCommit = true;
                case "--no-fsync" -> fsync = false;
                case "--log" -> i++; // read above: logging starts before anything else
                default -> {
                    System.err.println(
                            "unknown option "
                                    + args[i]
                                    + "; usage: [--host H] [--port P] [--data DIR [--no-fsync | --background-commit] | --memory] [--log FILE]");
                    System.exit(2);
                }
            }
        }
        EmbeddedDocumentStore store;
        try {
            store =
                    data == null
                            ? inMemory(host, port)
                            : backgroundCommit
                                    ? inFileCommittingInTheBackground(data, host, port)
                                    : inFile(data, host, port, fsync);
        } catch (RuntimeException e) {
            System.err.println(
                    "embedded store: cannot listen on "
                            + host
                            + ":"
                            + port
                            + ": "
                            + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("embedded store: shutting down (flushing to disk)");
                                    store.close();
                                    stopped.countDown();
                                },
                                "embedded-store-shutdown"));
        System.out.println(
                "ready "
                        + store.url()
                        + (data == null ? " (in memory)" : " (data in " + data + ")"));
        System.out.flush();
        stopped.await();
    }
}
