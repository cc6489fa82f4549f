package dev.ticketing.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Deletes the JetStream streams one test run created on a shared NATS: every stream whose name
 * holds the run id as a whole "-"-separated part (IT-order-service-RUN, IT-timer-service-RUN-PG,
 * SPLIT-RUN, PROBE-RUN, ...). Run ids are digits unique to a run, so no other run's streams, and no
 * platform's, match. ./ticketing test calls it when the run is over: {@code java ... RunCleanup
 * nats://127.0.0.1:4222 20261128030329123}.
 */
public final class RunCleanup {
    private RunCleanup() {}

    public static void main(String[] args)
            throws IOException, InterruptedException, JetStreamApiException {
        if (args.length != 2 || !args[1].matches("[0-9]{8,}")) {
            System.err.println("usage: RunCleanup NATS_URL RUN_ID (the run id: 8 or more digits)");
            System.exit(2);
        }
        Options options =
                new Options.Builder()
                        .server(args[0])
                        .connectionTimeout(Duration.ofSeconds(5))
                        .build();
        try (Connection nats = Nats.connect(options)) {
            JetStreamManagement jsm = nats.jetStreamManagement();
            List<String> ours = runStreams(jsm.getStreamNames(), args[1]);
            for (String stream : ours) {
                jsm.deleteStream(stream);
            }
            System.out.println(
                    "Tests: deleted this run's " + ours.size() + " streams on " + args[0]);
        }
    }

    static List<String> runStreams(List<String> names, String runId) {
        return names.stream()
                .filter(name -> name.endsWith("-" + runId) || name.contains("-" + runId + "-"))
                .sorted()
                .toList();
    }
}
