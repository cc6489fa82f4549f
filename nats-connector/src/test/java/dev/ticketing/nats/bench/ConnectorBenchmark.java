package dev.ticketing.nats.bench;

import dev.ticketing.nats.IncomingChannel;
import dev.ticketing.nats.NatsJetStreamConnector;
import dev.ticketing.nats.OutgoingChannel;
import dev.ticketing.nats.OutgoingNatsMessage;
import dev.ticketing.nats.testing.MapConfig;
import dev.ticketing.nats.testing.NatsTestServer;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Publishes and consumes N messages through the connector (outgoing channel → stream → incoming
 * channel, acking each) and through raw jnats (publishAsync with the same window → simplified pull
 * consume with ack), concurrently producing and consuming, and prints throughput and end-to-end
 * latency for both. Not a test; run it as the README says.
 *
 * <p>Properties: bench.messages (20000), bench.size (payload bytes, 256), bench.window (outstanding
 * publishes, 256), bench.storage (file|memory, file), nats.url / NATS_URL.
 */
public final class ConnectorBenchmark {

    private final String url;
    private final int messages = Integer.getInteger("bench.messages", 20_000);
    private final int size = Integer.getInteger("bench.size", 256);
    private final int window = Integer.getInteger("bench.window", 256);
    private final String storage = System.getProperty("bench.storage", "file");
    private final int rate = Integer.getInteger("bench.rate", 2000);
    private final int pacedMessages =
            Integer.getInteger("bench.paced.messages", Math.min(messages, 5000));

    private ConnectorBenchmark(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("dev.ticketing.nats")
                .setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        new ConnectorBenchmark(NatsTestServer.shared()).run();
    }

    private void run() throws Exception {
        String stream = NatsTestServer.uniqueName("BENCH_");
        String prefix = NatsTestServer.uniqueName("bench");
        System.out.printf(
                Locale.ROOT,
                "NATS %s, stream %s (%s), %d messages of %d bytes, window %d%n",
                url,
                stream,
                storage,
                messages,
                size,
                window);
        try (Connection nc = NatsTestServer.connect(url)) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(
                    StreamConfiguration.builder()
                            .name(stream)
                            .subjects(prefix + ".>")
                            .storageType(
                                    storage.equals("memory")
                                            ? StorageType.Memory
                                            : StorageType.File)
                            .duplicateWindow(Duration.ofMinutes(2))
                            .build());
            try {
                int warmup = Math.max(500, Math.min(2000, messages / 10));
                connector(stream, prefix, "warm", warmup, 0);
                raw(nc, stream, prefix, "warm", warmup, 0);
                System.out.println(
                        "-- saturated: publish as fast as the window allows, consume concurrently");
                Result c = connector(stream, prefix, "conn", messages, 0);
                Result r = raw(nc, stream, prefix, "raw", messages, 0);
                print(c, r);
                System.out.printf(
                        Locale.ROOT,
                        "-- paced: %d messages at %d msg/s (latency without a backlog)%n",
                        pacedMessages,
                        rate);
                Result cp = connector(stream, prefix, "connpaced", pacedMessages, rate);
                Result rp = raw(nc, stream, prefix, "rawpaced", pacedMessages, rate);
                print(cp, rp);
            } finally {
                jsm.deleteStream(stream);
            }
        }
    }

    private static void print(Result c, Result r) {
        System.out.println(c.line("connector"));
        System.out.println(r.line("raw jnats"));
        System.out.printf(
                Locale.ROOT,
                "ratio connector/raw: throughput %.2f, p50 latency %.2f, p99 latency %.2f%n",
                c.throughput() / r.throughput(),
                c.p50Millis() / r.p50Millis(),
                c.p99Millis() / r.p99Millis());
    }

    /** Waits until the i-th message of a paced run is due (rate 0: not paced). */
    private static void pace(long start, int i, int rate) {
        if (rate <= 0) {
            return;
        }
        long due = start + (long) (i * (1e9 / rate));
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    // ---- through the connector -----------------------------------------------------------

    private Result connector(String stream, String prefix, String name, int n, int rate)
            throws Exception {
        MapConfig base =
                MapConfig.channel(name)
                        .with("url", url)
                        .with("stream", stream)
                        .with("subjects", prefix + ".>")
                        .with("storage", storage)
                        .with("dlq-prefix", prefix);
        String subject = prefix + "." + name + ".c";
        long[] latencies = new long[n];
        AtomicInteger received = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        NatsJetStreamConnector connector = new NatsJetStreamConnector();
        try {
            IncomingChannel in =
                    connector.incoming(base.with("durable", name + "-c").with("subject", subject));
            in.subscribe(
                    new Subscriber<Message<?>>() {
                        @Override
                        public void onSubscribe(Subscription s) {
                            s.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(Message<?> m) {
                            long now = System.nanoTime();
                            String p = (String) m.getPayload();
                            int i = received.getAndIncrement();
                            if (i < n) {
                                latencies[i] = now - Long.parseLong(p.substring(0, p.indexOf(':')));
                            }
                            m.ack();
                            if (i + 1 == n) {
                                done.countDown();
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            t.printStackTrace();
                        }

                        @Override
                        public void onComplete() {}
                    });
            OutgoingChannel out =
                    connector.outgoing(base.with("subject", subject).with("max-in-flight", window));
            AtomicLong nacks = new AtomicLong();
            long start = System.nanoTime();
            if (rate <= 0) {
                new Generator(name, n, size, nacks).subscribe(out);
            } else {
                dev.ticketing.nats.testing.MessageSource<Message<?>> source =
                        new dev.ticketing.nats.testing.MessageSource<>();
                source.subscribe(out);
                String filler = "x".repeat(Math.max(0, size - 22));
                for (int i = 0; i < n; i++) {
                    pace(start, i, rate);
                    source.emit(
                            OutgoingNatsMessage.of(
                                    System.nanoTime() + ":" + filler,
                                    dev.ticketing.nats.OutgoingNatsMetadata.withMessageId(
                                            name + "-c-" + i),
                                    null,
                                    e -> {
                                        nacks.incrementAndGet();
                                        return CompletableFuture.completedFuture(null);
                                    }));
                }
            }
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException(
                        "connector run timed out at " + received.get() + "/" + n);
            }
            long elapsed = System.nanoTime() - start;
            if (nacks.get() > 0) {
                System.out.println("connector: " + nacks.get() + " publishes nacked");
            }
            return new Result(n, elapsed, latencies);
        } finally {
            connector.close();
        }
    }

    /** Emits n messages as requested, stamping each with the time it is handed over. */
    private static final class Generator implements Publisher<Message<?>> {
        private final String name;
        private final int n;
        private final String filler;
        private final AtomicLong nacks;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private int emitted;

        Generator(String name, int n, int size, AtomicLong nacks) {
            this.name = name;
            this.n = n;
            this.filler = "x".repeat(Math.max(0, size - 22));
            this.nacks = nacks;
        }

        @Override
        public void subscribe(Subscriber<? super Message<?>> s) {
            s.onSubscribe(
                    new Subscription() {
                        @Override
                        public void request(long k) {
                            demand.addAndGet(k);
                            if (wip.getAndIncrement() != 0) {
                                return;
                            }
                            do {
                                while (demand.get() > 0 && emitted < n) {
                                    demand.decrementAndGet();
                                    int i = emitted++;
                                    s.onNext(
                                            OutgoingNatsMessage.of(
                                                    System.nanoTime() + ":" + filler,
                                                    dev.ticketing.nats.OutgoingNatsMetadata
                                                            .withMessageId(name + "-c-" + i),
                                                    null,
                                                    e -> {
                                                        nacks.incrementAndGet();
                                                        return CompletableFuture.completedFuture(
                                                                null);
                                                    }));
                                }
                            } while (wip.decrementAndGet() != 0);
                        }

                        @Override
                        public void cancel() {}
                    });
        }
    }

    // ---- raw jnats -----------------------------------------------------------------------

    private Result raw(Connection nc, String stream, String prefix, String name, int n, int rate)
            throws Exception {
        String subject = prefix + "." + name + ".r";
        JetStreamManagement jsm = nc.jetStreamManagement();
        jsm.addOrUpdateConsumer(
                stream,
                ConsumerConfiguration.builder()
                        .durable(name + "-r")
                        .ackPolicy(AckPolicy.Explicit)
                        .ackWait(Duration.ofSeconds(30))
                        .filterSubject(subject)
                        .build());
        JetStream js = nc.jetStream();
        ConsumerContext cc = js.getConsumerContext(stream, name + "-r");
        long[] latencies = new long[n];
        AtomicInteger received = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        try (MessageConsumer consumer =
                cc.consume(
                        ConsumeOptions.builder().batchSize(128).build(),
                        m -> {
                            long now = System.nanoTime();
                            String p = new String(m.getData(), StandardCharsets.UTF_8);
                            int i = received.getAndIncrement();
                            if (i < n) {
                                latencies[i] = now - Long.parseLong(p.substring(0, p.indexOf(':')));
                            }
                            m.ack();
                            if (i + 1 == n) {
                                done.countDown();
                            }
                        })) {
            String filler = "x".repeat(Math.max(0, size - 22));
            Semaphore inFlight = new Semaphore(window);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                pace(start, i, rate);
                inFlight.acquire();
                Headers h = new Headers().put("Nats-Msg-Id", name + "-r-" + i);
                byte[] body = (System.nanoTime() + ":" + filler).getBytes(StandardCharsets.UTF_8);
                js.publishAsync(subject, h, body).whenComplete((ack, e) -> inFlight.release());
            }
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("raw run timed out at " + received.get() + "/" + n);
            }
            return new Result(n, System.nanoTime() - start, latencies);
        }
    }

    // ---- results -------------------------------------------------------------------------

    private record Result(int n, long elapsedNanos, long[] latencies) {
        double throughput() {
            return n / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int idx = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, idx)] / 1e6;
        }

        double p50Millis() {
            return percentileMillis(0.50);
        }

        double p99Millis() {
            return percentileMillis(0.99);
        }

        String line(String what) {
            return String.format(
                    Locale.ROOT,
                    "%-10s %8.0f msg/s   p50 %7.2f ms   p99 %7.2f ms   (%d msgs in %.2f s)",
                    what,
                    throughput(),
                    p50Millis(),
                    p99Millis(),
                    n,
                    elapsedNanos / 1e9);
        }
    }
}
