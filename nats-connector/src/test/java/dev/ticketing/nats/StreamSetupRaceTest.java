package dev.ticketing.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.nats.testing.MapConfig;
import dev.ticketing.nats.testing.NatsTestServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The one-server platform starts five applications at once, each setting up the same stream on a
 * NATS where it does not exist yet. Every one of them must come up: NATS answers the creations that
 * lose the race with "name in use", or (seen once on CI, where timer-service then failed to deploy)
 * "subjects overlap", and both mean the stream is there. The second answer comes from a window
 * inside nats-server too narrow for this test to hit reliably; it keeps the race covered as far as
 * a test can, and StreamSetup treats both answers alike.
 */
class StreamSetupRaceTest {

    @Test
    void channelsOfManyApplicationsSetUpOneNewStreamAtTheSameMoment() throws Exception {
        // The window is narrow: many rounds, each on a new file stream (as the platform's).
        for (int round = 0; round < 25; round++) {
            setUpAtOnce(NatsTestServer.uniqueName("T_"), NatsTestServer.uniqueName("t"));
        }
    }

    private static void setUpAtOnce(String stream, String prefix) throws Exception {
        String url = NatsTestServer.shared();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Connection connection = NatsTestServer.connect(url)) {
            JetStreamManagement jsm = connection.jetStreamManagement();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> setups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // Each application its own channel (subject, durable) on the shared stream.
                IncomingSettings settings =
                        ChannelSettings.incoming(
                                MapConfig.channel("in-" + i)
                                        .with("url", url)
                                        .with("stream", stream)
                                        .with("subjects", prefix + ".>")
                                        .with("storage", "file")
                                        .with("duplicate-window", "2m")
                                        .with("subject", prefix + ".s" + i)
                                        .with("durable", "app-" + i));
                setups.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    StreamSetup.ensureStream(jsm, settings);
                                    StreamSetup.ensureConsumer(jsm, settings);
                                    return null;
                                }));
            }
            go.countDown();
            for (Future<?> setup : setups) {
                setup.get(); // throws if any application's setup failed
            }
            assertEquals(
                    List.of(prefix + ".>"),
                    jsm.getStreamInfo(stream).getConfiguration().getSubjects());
            assertEquals(8, jsm.getConsumerNames(stream).size());
        } finally {
            pool.shutdownNow();
            NatsTestServer.deleteStream(url, stream);
        }
    }
}
