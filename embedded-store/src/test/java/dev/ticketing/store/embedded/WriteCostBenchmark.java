package dev.ticketing.store.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;

/**
 * What durability costs a write: the same inserts through the driver, from one client and from
 * several at once, against the stock H2 backend (commits about once a second), the durable one
 * without fsync (commit per write) and with it (the default: commit and fsync, shared by the writes
 * of one round).
 *
 * <pre>
 * mvn -q -o -pl embedded-store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.ticketing.store.embedded.WriteCostBenchmark -Dbench.writes=2000 -Dbench.writers=16
 * </pre>
 */
public final class WriteCostBenchmark {
    private WriteCostBenchmark() {}

    public static void main(String[] args) throws Exception {
        int writes = Integer.getInteger("bench.writes", 2000);
        int writers = Integer.getInteger("bench.writers", 16);
        for (int clients : new int[] {1, writers}) {
            for (int round = 0; round < 2; round++) {
                measure("background commit (stock)  ", writes, clients, 0);
                measure("commit per write, no fsync ", writes, clients, 1);
                measure("commit + fsync per write   ", writes, clients, 2);
            }
        }
    }

    private static void measure(String name, int writes, int clients, int durability)
            throws Exception {
        Path dir = Files.createTempDirectory("write-cost-");
        try (EmbeddedDocumentStore store =
                        durability == 0
                                ? EmbeddedDocumentStore.inFileCommittingInTheBackground(
                                        dir, "127.0.0.1", 0)
                                : EmbeddedDocumentStore.inFile(
                                        dir, "127.0.0.1", 0, durability == 2);
                MongoClient client = MongoClients.create(store.url())) {
            MongoCollection<Document> orders = client.getDatabase("bench").getCollection("orders");
            orders.insertOne(new Document("_id", "warm-up"));
            long[] micros = new long[writes];
            java.util.concurrent.atomic.AtomicInteger next =
                    new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService pool =
                    java.util.concurrent.Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.execute(
                        () -> {
                            for (int i = next.getAndIncrement();
                                    i < writes;
                                    i = next.getAndIncrement()) {
                                long t = System.nanoTime();
                                orders.insertOne(
                                        new Document("_id", "o" + i)
                                                .append("status", "created")
                                                .append("version", 0));
                                micros[i] = (System.nanoTime() - t) / 1000;
                            }
                        });
            }
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            java.util.Arrays.sort(micros);
            System.out.printf(
                    "%s %2d client(s) %6.0f writes/s   p50 %6.2f ms   p99 %6.2f ms   (%d inserts)%n",
                    name,
                    clients,
                    writes / seconds,
                    micros[writes / 2] / 1000.0,
                    micros[(int) (writes * 0.99)] / 1000.0,
                    writes);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
