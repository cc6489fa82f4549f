package dev.ticketing.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PullRequestOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * An incoming channel: a reactive-streams Publisher of JetStream messages from the channel's
 * durable pull consumer. Each subscription has one worker thread that pulls at most as many
 * messages as the subscriber has requested (so request(n) is honoured end to end), through one
 * long-lived pull subscription: a message the server sends for a pull the worker has stopped
 * waiting on still lands in that subscription and is handed over with the next pull, instead of
 * being dropped and redelivered one ack-wait later (jnats' one-shot fetch() ends on its own timer,
 * which can run out just before the server's). Nothing that happens to one message or to NATS ends
 * a subscription: errors (NATS down, consumer or stream gone, API timeouts, anything thrown) are
 * logged and the worker sets the stream and consumer up again and resumes from the durable's
 * position. Only the application ends it (cancel), which {@link #health()} reports, so liveness can
 * ask for a restart.
 */
public final class IncomingChannel implements Publisher<Message<?>>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IncomingChannel.class.getName());

    /**
     * How long after a pull's expiry the worker waits for the server's end-of-pull status before it
     * pulls again: the status normally comes one round trip after the expiry.
     */
    static final Duration PULL_END_GRACE = Duration.ofMillis(250);

    /** How long after it was built a channel may still be waiting for its first subscriber. */
    private static final Duration SUBSCRIBE_GRACE = Duration.ofMinutes(2);

    private final IncomingSettings settings;
    private final SharedConnection connection;
    private final Acknowledger acknowledger;
    private final EventCounters counters;
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();

    /**
     * Messages emitted and not yet settled, with when they were emitted and last reported in
     * progress.
     */
    private final Map<IncomingNatsMessage<?>, long[]> inHand = new ConcurrentHashMap<>();

    private final long createdNanos = System.nanoTime();
    private volatile boolean closed;
    private volatile String ended;

    IncomingChannel(IncomingSettings settings, SharedConnection connection, Executor callbacks) {
        this(settings, connection, callbacks, EventCounters.NONE);
    }

    IncomingChannel(
            IncomingSettings settings,
            SharedConnection connection,
            Executor callbacks,
            EventCounters counters) {
        this.settings = settings;
        this.connection = connection;
        this.counters = counters;
        this.acknowledger =
                new Acknowledger(
                        settings,
                        connection,
                        new DeadLetters(settings, connection),
                        callbacks,
                        counters);
    }

    public IncomingSettings settings() {
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
        ended = null;
        subscriber.onSubscribe(worker);
        worker.start();
    }

    /** Stops all subscriptions' workers; unacknowledged messages are redelivered after ack-wait. */
    @Override
    public void close() {
        closed = true;
        inHand.clear(); // no longer reported in progress: JetStream redelivers them after ack-wait
        workers.forEach(Worker::cancel);
        for (Worker w : workers) {
            w.join(settings.fetchExpires().toMillis() + 2000);
        }
    }

    /**
     * Whether this channel is doing its job: subscribed and fetching (or waiting for NATS, which
     * readiness reports). DOWN when the application ended its subscription, when no subscriber came
     * within two minutes, or when a worker stopped making progress: a restart would help then.
     */
    public ChannelHealth health() {
        String end = ended;
        if (end != null && workers.isEmpty()) {
            return new ChannelHealth(settings.channel(), false, "ended: " + end);
        }
        if (workers.isEmpty()) {
            boolean late = System.nanoTime() - createdNanos > SUBSCRIBE_GRACE.toNanos();
            return new ChannelHealth(
                    settings.channel(), !late, late ? "never subscribed" : "starting");
        }
        long stallNanos =
                settings.fetchExpires()
                        .multipliedBy(3)
                        .plus(settings.requestTimeout())
                        .plus(settings.reconnectWait())
                        .plusSeconds(30)
                        .toNanos();
        for (Worker w : workers) {
            if (!w.thread.isAlive() && !w.cancelled) {
                return new ChannelHealth(settings.channel(), false, "worker thread died");
            }
            // The application's handler runs on this thread (SmallRye calls it from onNext): a slow
            // one
            // is backpressure, not a stall; the message is kept from redelivery up to
            // max-in-progress.
            if (!w.inApplication && System.nanoTime() - w.lastBeat > stallNanos) {
                return new ChannelHealth(settings.channel(), false, "stalled in " + w.activity);
            }
        }
        Worker any = workers.iterator().next();
        return new ChannelHealth(settings.channel(), true, any.activity);
    }

    /** Messages the application holds and has not settled. */
    public int inHand() {
        return inHand.size();
    }

    /**
     * Reports every message the application still holds as in progress (+WPI), every ack-wait/3,
     * until it has held it for {@code max-in-progress}; then JetStream may redeliver it. The
     * connector calls this every second.
     */
    void reportProgress() {
        long now = System.nanoTime();
        long every = settings.progressEvery().toNanos();
        long limit = settings.maxInProgress().toNanos();
        inHand.forEach(
                (message, times) -> {
                    if (now - times[0] > limit) {
                        inHand.remove(message);
                        LOG.warning(
                                () ->
                                        settings
                                                + ": "
                                                + message.metadata()
                                                + " has been in the application's hands for"
                                                + " more than "
                                                + settings.maxInProgress()
                                                + "; no longer reported in progress");
                    } else if (now - times[1] >= every) {
                        times[1] = now;
                        message.inProgress();
                    }
                });
    }

    /** Converts a JetStream message into the channel's Message. */
    IncomingNatsMessage<?> toMessage(io.nats.client.Message raw) {
        NatsJetStreamMetaData md = raw.metaData();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (raw.getHeaders() != null) {
            raw.getHeaders()
                    .entrySet()
                    .forEach(e -> headers.put(e.getKey(), List.copyOf(e.getValue())));
        }
        IncomingNatsMetadata meta =
                new IncomingNatsMetadata(
                        raw.getSubject(),
                        headers,
                        md.getStream(),
                        md.getConsumer(),
                        md.streamSequence(),
                        md.consumerSequence(),
                        md.deliveredCount(),
                        md.pendingCount(),
                        md.timestamp());
        byte[] data = raw.getData() == null ? new byte[0] : raw.getData();
        Object payload =
                settings.payloadType() == IncomingSettings.PayloadType.BYTES
                        ? data
                        : new String(data, StandardCharsets.UTF_8);
        IncomingNatsMessage<?>[] self = new IncomingNatsMessage<?>[1];
        self[0] =
                new IncomingNatsMessage<>(
                        payload, meta, raw, acknowledger, () -> inHand.remove(self[0]));
        long now = System.nanoTime();
        inHand.put(self[0], new long[] {now, now});
        return self[0];
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
        private volatile JetStreamSubscription subscription;
        private volatile long lastBeat = System.nanoTime();
        private volatile String activity = "starting";
        private volatile boolean inApplication;

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

        private void beat(String what) {
            activity = what;
            lastBeat = System.nanoTime();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest =
                        new IllegalArgumentException(
                                "request(" + n + "): must be positive (rule 3.9)");
                cancelled = true;
            } else {
                demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            wake();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drop(subscription); // ends a waiting nextMessage() now instead of after fetch-expires
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
                    beat("waiting for the application to ask for messages");
                    signal.await(1, TimeUnit.SECONDS);
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
            String why = null;
            try {
                loop();
                why = badRequest != null ? badRequest.getMessage() : "cancelled by the application";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "interrupted";
            } catch (Throwable e) { // loop() handles everything else; this is a bug or an Error
                LOG.log(Level.SEVERE, settings + ": the fetch loop died", e);
                why = "fetch loop died: " + e;
                throw e;
            } finally {
                workers.remove(this);
                if (workers.isEmpty()) {
                    inHand.clear(); // nobody will settle them now: let JetStream redeliver them
                }
                if (!closed) {
                    ended = why;
                    String reason = why;
                    LOG.warning(
                            () ->
                                    settings
                                            + " stopped: "
                                            + reason
                                            + (workers.isEmpty()
                                                    ? "; no subscription is left (liveness reports it DOWN)"
                                                    : ""));
                }
                if (badRequest != null) {
                    subscriber.onError(badRequest);
                }
            }
        }

        private void loop() throws InterruptedException {
            long retryMillis = settings.reconnectWait().toMillis();
            try {
                while (awaitDemand()) {
                    try {
                        if (subscription == null) {
                            subscription = setUp();
                            if (subscription == null) {
                                continue; // cancelled while waiting for the connection
                            }
                        }
                        beat("fetching");
                        if (pull(subscription) == 0) {
                            // A pull to a consumer that no longer exists (deleted, or lost with its
                            // stream while no pull was waiting) ends empty, silently: ask the
                            // server whether the consumer is still there (a bound subscription's
                            // lookup answers null when it is not); if not, set it up again.
                            if (subscription.getConsumerInfo() == null) {
                                throw new IllegalStateException(
                                        "consumer " + settings.durable() + " no longer exists");
                            }
                        }
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (VirtualMachineError e) {
                        throw e;
                    } catch (Throwable e) {
                        // NATS down, consumer or stream gone, API timeout, a bug: all retried the
                        // same way.
                        if (!cancelled) {
                            boolean expected =
                                    e instanceof JetStreamApiException
                                            || e instanceof java.io.IOException
                                            || e instanceof IllegalStateException;
                            LOG.log(
                                    Level.WARNING,
                                    settings + ": " + e + "; retrying in " + retryMillis + " ms",
                                    expected ? null : e);
                            beat("retrying after " + e.getClass().getSimpleName());
                        }
                        // Set up again: the consumer or the stream may be gone. Messages still
                        // queued in the old subscription come back after ack-wait.
                        drop(subscription);
                        subscription = null;
                        pause(retryMillis);
                    }
                }
            } finally {
                drop(subscription);
                subscription = null;
            }
        }

        private JetStreamSubscription setUp() throws Exception {
            while (!cancelled && connection.awaitConnection(settings.reconnectWait()) == null) {
                beat("waiting for NATS");
                LOG.fine(() -> settings + " waiting for NATS at " + connection.url());
            }
            if (cancelled) {
                return null;
            }
            beat("setting up the consumer");
            if (settings.createStream()) {
                StreamSetup.ensureStream(connection.management(), settings);
            }
            StreamSetup.ensureConsumer(connection.management(), settings);
            return connection
                    .jetStream()
                    .subscribe(
                            null, PullSubscribeOptions.bind(settings.stream(), settings.durable()));
        }

        /**
         * One pull for min(demand, batch-size) messages, emitted as they arrive, until the batch is
         * full or the server ends the pull (its 408 status makes nextMessage return null); how many
         * came. The worker's own deadline, {@link #PULL_END_GRACE} after the pull's expiry, only
         * matters when that status never comes: lost with a reconnect, or a pull the server dropped
         * without one (nats-server 2.9.10, Debian's, does this now and then when a redelivery falls
         * due as the pull expires; seen in a server trace), which would otherwise leave the
         * consumer with no pull waiting for as long as the grace. Anything the server sends for a
         * pull after the worker moved on waits in the subscription for the next one.
         */
        private int pull(JetStreamSubscription sub) throws Exception {
            int batch = (int) Math.min(demand.get(), settings.batchSize());
            long expires = settings.fetchExpires().toMillis();
            long deadline =
                    System.nanoTime()
                            + TimeUnit.MILLISECONDS.toNanos(expires)
                            + PULL_END_GRACE.toNanos();
            sub.pull(PullRequestOptions.builder(batch).expiresIn(expires).build());
            int received = 0;
            // Demand only grows while this runs (only this thread takes from it), so every message
            // read here is one the subscriber asked for.
            while (!cancelled && received < batch) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                io.nats.client.Message raw = sub.nextMessage(Duration.ofNanos(left));
                if (raw == null) {
                    break;
                }
                beat("fetching");
                if (!raw.isJetStream()) {
                    continue;
                }
                received++;
                demand.decrementAndGet();
                IncomingNatsMessage<?> message = toMessage(raw);
                counters.consumed(
                        message.metadata().subject(), message.metadata().deliveredCount());
                emit(message);
            }
            return received;
        }

        /** Unsubscribes, quietly: the subscription may already be gone with its connection. */
        private void drop(JetStreamSubscription sub) {
            if (sub == null) {
                return;
            }
            try {
                sub.unsubscribe();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "unsubscribing", e);
            }
        }

        private void emit(Message<?> message) {
            if (Thread.interrupted() && !cancelled) {
                // jnats can leave the flag set on this thread (a subscription closed under it); the
                // application's handler runs here, and an interrupted thread fails its store calls.
                LOG.fine(
                        () ->
                                settings
                                        + ": cleared a stale interrupt before handing over "
                                        + message);
            }
            inApplication = true;
            try {
                subscriber.onNext(message);
            } catch (RuntimeException e) {
                // Rule 2.13: a throwing subscriber is treated as cancelled; the message is
                // redelivered.
                LOG.log(Level.SEVERE, settings + ": subscriber threw from onNext; cancelling", e);
                cancelled = true;
            } finally {
                inApplication = false;
                beat("fetching");
            }
        }
    }

    private static final class NoSubscription implements Subscription {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    }
}
