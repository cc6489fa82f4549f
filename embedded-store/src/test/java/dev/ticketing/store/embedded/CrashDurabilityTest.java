package dev.ticketing.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store acknowledged survives {@code kill -9} of its process: the store runs as its own
 * process (as ./ticketing runs it), the test writes through the real driver, kills the process the
 * moment the last write was acknowledged, and counts what a restarted store still has.
 */
class CrashDurabilityTest {

    @Test
    void everyAcknowledgedWriteSurvivesAKillNineRightAfterIt(@TempDir Path data) throws Exception {
        Process store = start(data);
        String url = readyUrl(store);
        int inserted = 300;
        try (MongoClient client = MongoClients.create(url)) {
            MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
            for (int i = 0; i < inserted; i++) {
                orders.insertOne(new Document("_id", "o" + i).append("status", "created"));
            }
            orders.updateOne(Filters.eq("_id", "o0"), Updates.set("status", "complete"));
            orders.deleteOne(Filters.eq("_id", "o1"));
        }
        store.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(store.waitFor(20, TimeUnit.SECONDS));

        try (EmbeddedDocumentStore again = EmbeddedDocumentStore.inFile(data, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(again.url())) {
            MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
            assertEquals(
                    inserted - 1,
                    orders.countDocuments(),
                    "every acknowledged insert, less the acknowledged delete");
            assertEquals(
                    "complete", orders.find(Filters.eq("_id", "o0")).first().getString("status"));
            assertEquals(0, orders.countDocuments(Filters.eq("_id", "o1")));
        }
    }

    static Process start(Path data, String... extra) throws Exception {
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                EmbeddedDocumentStore.class.getName(),
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0",
                                "--data",
                                data.toString()));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The "ready mongodb://..." line the store prints once it accepts connections. */
    static String readyUrl(Process store) throws Exception {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ready ")) {
                String url = line.substring("ready ".length()).split(" ")[0];
                Thread drain =
                        new Thread(
                                () -> {
                                    try {
                                        while (out.readLine() != null) {
                                            // keep the pipe empty
                                        }
                                    } catch (java.io.IOException e) {
                                        // the process is gone
                                    }
                                });
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new IllegalStateException("the store process ended before it was ready");
    }
}
