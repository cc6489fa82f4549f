package dev.ticketing.nats;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.impl.NatsJetStreamMetaData;

/**
 * An incoming channel: a reactive-streams Publisher of JetStream messages from the channel's
 * durable pull consumer. Each subscription has one worker thread that fetches at most as many
 * messages as the subscriber has requested (so request(n) is honoured end to end and no
 * message sits unrequested in a client buffer while its ack-wait runs). Several subscriptions
 * share the durable, like replicas of a service. Errors (NATS down, consumer gone) are logged
 * and the worker sets the stream and consumer up again and resumes from the durable's position.
 */
public final class IncomingChannel implements Publisher<Message<?>>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IncomingChannel.class.getName());

    private final ChannelSettings settings;
    private final SharedConnection connection;
    private final Acknowledger acknowledger;
    private final EventCounters counters;
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    IncomingChannel(ChannelSettings settings, SharedConnection connection, Executor callbacks) {
        this(settings, connection, callbacks, EventCounters.NONE);
    }

    IncomingChannel(ChannelSettings settings, SharedConnection connection, Executor callbacks,
                    EventCounters counters) {
        this.settings = settings;
        this.connection = connection;
        this.counters = counters;
        this.acknowledger = new Acknowledger(settings, connection, new DeadLetters(settings, connection), callbacks,
                counters);
    }

    public ChannelSettings settings() {
        return settings;
    }

    @Override
    public void subscribe(Subscriber<? super Message<?>> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscriber"); // rule 1.9
        }
        Worker worker = new Worker(subscriber);
        if (closed) {
            subscriber.onSubscribe(new NoSubscription());
            subscriber.onError(new IllegalStateException(settings + " is closed"));
            return;
        }
        workers.add(worker);
        subscriber.onSubscribe(worker);
        worker.start();
    }

    /** Stops all subscriptions' workers; unacknowledged messages are redelivered after ack-wait. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Worker::cancel);
        for (Worker w : workers) {
            w.join(settings.fetchExpires().toMillis() + 2000);
        }
    }

    /** Converts a JetStream message into the channel's Message. */
    IncomingNatsMessage<?> toMessage(io.nats.client.Message raw) {
        NatsJetStreamMetaData md = raw.metaData();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (raw.getHeaders() != null) {
            raw.getHeaders().entrySet().forEach(e -> headers.put(e.getKey(), List.copyOf(e.getValue())));
        }
        IncomingNatsMetadata meta = new IncomingNatsMetadata(raw.getSubject(), headers, md.getStream(),
                md.getConsumer(), md.streamSequence(), md.consumerSequence(), md.deliveredCount(),
                md.pendingCount(), md.timestamp());
        byte[] data = raw.getData() == null ? new byte[0] : raw.getData();
        Object payload = settings.payloadType() == ChannelSettings.PayloadType.BYTES
                ? data : new String(data, StandardCharsets.UTF_8);
        return new IncomingNatsMessage<>(payload, meta, raw, acknowledger);
    }

    /** One subscription: demand accounting plus the fetch loop on its own thread. */
    private final class Worker implements Subscription, Runnable {
        private final Subscriber<? super Message<?>> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition signal = lock.newCondition();
        private final Thread thread;
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        private volatile FetchConsumer currentFetch;
        private ConsumerContext consumer;

        Worker(Subscriber<? super Message<?>> subscriber) {
            this.subscriber = subscriber;
            this.thread = new Thread(this, "nats-in-" + settings.channel());
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void join(long millis) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("request(" + n + "): must be positive (rule 3.9)");
                cancelled = true;
            } else {
                demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            wake();
        }

        @Override
        public void cancel() {
            cancelled = true;
            FetchConsumer f = currentFetch;
            if (f != null) {
                try {
                    f.close(); // ends nextMessage() promptly instead of after fetch-expires
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing fetch", e);
                }
            }
            wake();
        }

        private void wake() {
            lock.lock();
            try {
                signal.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until there is demand, or the subscription ends; false when it ended. */
        private boolean awaitDemand() throws InterruptedException {
            lock.lock();
            try {
                while (!cancelled && demand.get() == 0) {
                    signal.await();
                }
                return !cancelled;
            } finally {
                lock.unlock();
            }
        }

        private void pause(long millis) throws InterruptedException {
            lock.lock();
            try {
                if (!cancelled) {
                    signal.await(millis, TimeUnit.MILLISECONDS);
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void run() {
            try {
                loop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                workers.remove(this);
                if (badRequest != null) {
                    subscriber.onError(badRequest);
                }
                LOG.fine(() -> "Stopped " + settings);
            }
        }

        private void loop() throws InterruptedException {
            long retryMillis = settings.reconnectWait().toMillis();
            while (awaitDemand()) {
                try {
                    if (consumer == null) {
                        consumer = setUp();
                        if (consumer == null) {
                            continue; // cancelled while waiting for the connection
                        }
                    }
                    fetchBatch();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // NATS down, consumer or stream gone, API timeout: all retried the same way.
                    if (!cancelled) {
                        boolean expected = e instanceof JetStreamApiException || e instanceof java.io.IOException
                                || e instanceof IllegalStateException
                                || e instanceof io.nats.client.JetStreamStatusCheckedException;
                        LOG.log(Level.WARNING, settings + ": " + e + "; retrying in " + retryMillis + " ms",
                                expected ? null : e);
                    }
                    consumer = null; // set up again: the consumer or the stream may be gone
                    pause(retryMillis);
                }
            }
        }

        private ConsumerContext setUp() throws Exception {
            while (!cancelled && connection.awaitConnection(settings.reconnectWait()) == null) {
                LOG.fine(() -> settings + " waiting for NATS at " + connection.url());
            }
            if (cancelled) {
                return null;
            }
            if (settings.createStream()) {
                StreamSetup.ensureStream(connection.management(), settings);
            }
            StreamSetup.ensureConsumer(connection.management(), settings);
            return connection.jetStream().getConsumerContext(settings.stream(), settings.durable());
        }

        /** One pull for min(demand, batch-size) messages, emitted as they arrive. */
        private void fetchBatch() throws Exception {
            int batch = (int) Math.min(demand.get(), settings.batchSize());
            FetchConsumeOptions options = FetchConsumeOptions.builder()
                    .maxMessages(batch)
                    .expiresIn(settings.fetchExpires().toMillis())
                    .build();
            try (FetchConsumer fetch = consumer.fetch(options)) {
                currentFetch = fetch;
                io.nats.client.Message raw;
                while (!cancelled && (raw = fetch.nextMessage()) != null) {
                    if (!raw.isJetStream()) {
                        continue;
                    }
                    demand.decrementAndGet();
                    IncomingNatsMessage<?> message = toMessage(raw);
                    counters.consumed(message.metadata().subject(), message.metadata().deliveredCount());
                    emit(message);
                }
            } finally {
                currentFetch = null;
            }
        }

        private void emit(Message<?> message) {
            try {
                subscriber.onNext(message);
            } catch (RuntimeException e) {
                // Rule 2.13: a throwing subscriber is treated as cancelled; the message is redelivered.
                LOG.log(Level.SEVERE, settings + ": subscriber threw from onNext; cancelling", e);
                cancelled = true;
            }
        }
    }

    private static final class NoSubscription implements Subscription {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }

}
