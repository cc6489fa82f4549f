package dev.ticketing.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A store whose answer to one command is lost on the wire: a loopback proxy in front of the test
 * store that passes MongoDB's wire protocol through, message by message, until it is armed. Armed
 * with a command and a collection (an insert into orders, say), it passes the next such command on
 * to the store, waits for the store's reply (so the store has applied it), and closes that
 * connection instead of passing the reply back. The service sees a network error for a write that
 * happened: the ambiguous failure a real network or a failover produces, which no fake of the
 * store's client would show as the driver does. Armed to hold a reply instead, it swallows the
 * reply and keeps the connection open: a store that froze, or a network that dropped the way back
 * without a reset.
 */
public final class LostReplyProxy implements AutoCloseable {
    private static final int OP_MSG = 2013;
    private static final int HEADER = 16;
    private static final byte BSON_STRING = 0x02;

    private record Command(String name, String collection) {}

    /** What becomes of the reply to the armed command. */
    private enum Fate {
        /** The connection is closed instead: the client sees it fail at once. */
        LOST,
        /** The reply is swallowed and the connection stays open: the client hears nothing. */
        HELD
    }

    private record Armed(Command command, Fate fate) {}

    private final ServerSocket listener;
    private final String storeHost;
    private final int storePort;
    private final ExecutorService threads =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "lost-reply-proxy");
                        t.setDaemon(true);
                        return t;
                    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger lost = new AtomicInteger();

    private LostReplyProxy(String storeHost, int storePort) throws IOException {
        this.storeHost = storeHost;
        this.storePort = storePort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A proxy to the store at {@code storeUrl} (mongodb://host:port), listening on loopback. */
    public static LostReplyProxy to(URI storeUrl) {
        try {
            return new LostReplyProxy(storeUrl.getHost(), storeUrl.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connection string a server uses to reach the store through this proxy. */
    public String url() {
        return "mongodb://127.0.0.1:" + listener.getLocalPort();
    }

    /**
     * Loses the store's reply to the next {@code command} (insert, update...) on {@code
     * collection}, once; everything before and after it passes.
     */
    public void loseReplyToNext(String command, String collection) {
        armed.set(new Armed(new Command(command, collection), Fate.LOST));
    }

    /**
     * Holds back the store's reply to the next {@code command} on {@code collection}, once: the
     * connection stays open and silent, as if the store froze after applying it.
     */
    public void holdReplyToNext(String command, String collection) {
        armed.set(new Armed(new Command(command, collection), Fate.HELD));
    }

    /** How many replies were lost or held so far. */
    public int lost() {
        return lost.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Socket store = new Socket(storeHost, storePort);
                open.add(client);
                open.add(store);
                AtomicReference<Fate> nextReply = new AtomicReference<>();
                threads.execute(() -> pipe(client, store, m -> toStore(m, nextReply)));
                threads.execute(() -> pipe(store, client, m -> toClient(nextReply)));
            } catch (IOException storeAway) {
                // The store refused: so does the proxy, by closing what it accepted.
                try {
                    client.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /**
     * A command to the store: passed on, marking its reply as the one to lose when armed for it.
     */
    private Verdict toStore(byte[] message, AtomicReference<Fate> nextReply) {
        Armed target = armed.get();
        if (target != null
                && target.command().equals(commandOf(message))
                && armed.compareAndSet(target, null)) {
            // Before the store can answer: the reply is the one to lose or hold.
            nextReply.set(target.fate());
        }
        return Verdict.PASS;
    }

    /** A reply of the store: passed on, unless it answers the command armed for. */
    private Verdict toClient(AtomicReference<Fate> nextReply) {
        Fate fate = nextReply.getAndSet(null);
        if (fate == null) {
            return Verdict.PASS;
        }
        // The store has applied the command; its answer never arrives.
        lost.incrementAndGet();
        return fate == Fate.LOST ? Verdict.CUT : Verdict.SWALLOW;
    }

    /** What the pipe does with one message. */
    private enum Verdict {
        PASS,
        SWALLOW,
        CUT
    }

    /**
     * Copies whole messages from one socket to the other as {@code verdict} says (a message cut
     * closes both sockets); when either side goes away, closes both.
     */
    private void pipe(Socket from, Socket to, Function<byte[], Verdict> verdict) {
        try (from;
                to) {
            DataInputStream in = new DataInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            while (true) {
                byte[] message = readMessage(in);
                Verdict said = verdict.apply(message);
                if (said == Verdict.CUT) {
                    return;
                }
                if (said == Verdict.PASS) {
                    out.write(message);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // either side went away: both are closed
        } finally {
            open.remove(from);
            open.remove(to);
        }
    }

    /** One whole wire message: its length (little-endian int32, itself included), then the rest. */
    private static byte[] readMessage(DataInputStream in) throws IOException {
        byte[] length = new byte[4];
        in.readFully(length);
        int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < HEADER) {
            throw new EOFException("not a wire message: length " + size);
        }
        byte[] message = new byte[size];
        System.arraycopy(length, 0, message, 0, 4);
        in.readFully(message, 4, size - 4);
        return message;
    }

    /**
     * The command an OP_MSG carries: the first field of its body (section kind 0) names the command
     * and, for the commands that take one, the collection. Null for anything else.
     */
    private static Command commandOf(byte[] message) {
        ByteBuffer b = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(12) != OP_MSG) {
            return null;
        }
        int at = HEADER + 4; // past the header and the flag bits
        while (at < message.length) {
            byte kind = message[at++];
            if (kind == 0) {
                int field = at + 4; // past the document's length
                if (message[field] != BSON_STRING) {
                    return null;
                }
                int nameEnd = indexOfZero(message, field + 1);
                String name =
                        new String(message, field + 1, nameEnd - field - 1, StandardCharsets.UTF_8);
                int valueLength = b.getInt(nameEnd + 1); // with its trailing zero
                String value =
                        new String(message, nameEnd + 5, valueLength - 1, StandardCharsets.UTF_8);
                return new Command(name, value);
            }
            at += b.getInt(at); // a document sequence (kind 1): its size includes itself
        }
        return null;
    }

    private static int indexOfZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated name");
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
