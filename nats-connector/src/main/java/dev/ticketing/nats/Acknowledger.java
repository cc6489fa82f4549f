package dev.ticketing.nats;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.AckType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns ack/nack of an incoming message into JetStream acknowledgements, sent as requests so the
 * stage completes once the server confirmed (on the connector's executor, never on jnats' reader
 * thread). The stages it returns never fail: a settlement that cannot be delivered (NATS gone,
 * consumer deleted, no confirmation in time) is logged and counted, and JetStream redelivers the
 * message after ack-wait. A failed stage would end the application's channel for good.
 *
 * <p>A nack is treated by the kind of its reason ({@link FailureKind}): transient failures are
 * redelivered with a doubling, capped delay for as long as they last; poison is dead-lettered at
 * once; ordinary failures are redelivered after {@code backoff} until {@code max-deliver} of them,
 * then dead-lettered. Dead-lettering publishes to {@code <dlq-prefix>.dlq.<subject>} and then
 * terminates the message; if the dead-letter publish fails, the message is redelivered instead, so
 * it is never dropped.
 */
final class Acknowledger {

    private static final Logger LOG = Logger.getLogger(Acknowledger.class.getName());

    private final IncomingSettings settings;
    private final SharedConnection connection;
    private final DeadLetters deadLetters;
    private final Executor callbacks;
    private final EventCounters counters;
    private final FailureCounts failures = new FailureCounts();

    Acknowledger(
            IncomingSettings settings,
            SharedConnection connection,
            DeadLetters deadLetters,
            Executor callbacks,
            EventCounters counters) {
        this.settings = settings;
        this.connection = connection;
        this.deadLetters = deadLetters;
        this.callbacks = callbacks;
        this.counters = counters;
    }

    CompletionStage<Void> ack(Message raw, IncomingNatsMetadata meta) {
        failures.forget(meta.streamSequence());
        return settled("ack", meta, reply(raw, AckType.AckAck.bodyBytes(-1)));
    }

    CompletionStage<Void> nack(Message raw, IncomingNatsMetadata meta, Throwable reason) {
        CompletableFuture<Void> settlement;
        try {
            settlement = nackNow(raw, meta, reason);
        } catch (RuntimeException e) {
            settlement = CompletableFuture.failedFuture(e);
        }
        return settled("nack", meta, settlement);
    }

    private CompletableFuture<Void> nackNow(
            Message raw, IncomingNatsMetadata meta, Throwable reason) {
        long seq = meta.streamSequence();
        switch (FailureKind.of(reason)) {
            case POISON:
                return deadLetter(raw, meta, reason);
            case TRANSIENT:
                {
                    Duration delay =
                            jittered(settings.transientBackoffFor(failures.transientFailure(seq)));
                    LOG.fine(
                            () ->
                                    meta
                                            + " on "
                                            + settings
                                            + " failed transiently, redelivery in "
                                            + delay
                                            + ": "
                                            + reason);
                    return reply(raw, AckType.AckNak.bodyBytes(delay.toNanos()));
                }
            default:
                {
                    int failed = failures.ordinary(seq);
                    if (failed >= settings.maxDeliver()) {
                        return deadLetter(raw, meta, reason);
                    }
                    Duration delay = settings.backoffFor(failed);
                    LOG.fine(
                            () ->
                                    meta
                                            + " on "
                                            + settings
                                            + " failed ("
                                            + failed
                                            + " of "
                                            + settings.maxDeliver()
                                            + "), redelivery in "
                                            + delay
                                            + ": "
                                            + reason);
                    return reply(raw, AckType.AckNak.bodyBytes(delay.toNanos()));
                }
        }
    }

    /**
     * Parks the message on the dead-letter subject, then terminates it. If the dead letter cannot
     * be stored, the message is not terminated but redelivered after a transient backoff, and
     * dead-lettering is tried again when it fails again: nothing is ever dropped.
     */
    private CompletableFuture<Void> deadLetter(
            Message raw, IncomingNatsMetadata meta, Throwable reason) {
        long seq = meta.streamSequence();
        CompletableFuture<Void> stored;
        try {
            stored = deadLetters.publish(raw, meta, reason).thenApply(ack -> null);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.handleAsync((ok, error) -> error, callbacks)
                .thenCompose(
                        error -> {
                            if (error == null) {
                                counters.deadLettered(meta.subject());
                                failures.forget(seq);
                                return reply(raw, AckType.AckTerm.bodyBytes(-1));
                            }
                            Duration delay =
                                    jittered(
                                            settings.transientBackoffFor(
                                                    failures.transientFailure(seq)));
                            LOG.log(
                                    Level.SEVERE,
                                    "Could not dead-letter "
                                            + meta
                                            + " of "
                                            + settings
                                            + " ("
                                            + unwrap(error)
                                            + "); it is redelivered in "
                                            + delay
                                            + " and dead-lettered when it fails again");
                            return reply(raw, AckType.AckNak.bodyBytes(delay.toNanos()));
                        });
    }

    /** Tells JetStream the message is still being worked on (+WPI), so ack-wait starts again. */
    void progress(Message raw) {
        Connection c = connection.connectionNow();
        if (c == null || raw.getReplyTo() == null) {
            return;
        }
        try {
            c.publish(raw.getReplyTo(), AckType.AckProgress.bodyBytes(-1));
        } catch (RuntimeException e) {
            LOG.fine(() -> "in-progress report failed for " + settings + ": " + e);
        }
    }

    /** The settlement's stage, made one that never fails: failures are logged and counted. */
    private CompletionStage<Void> settled(
            String what, IncomingNatsMetadata meta, CompletableFuture<Void> settlement) {
        return settlement.handle(
                (v, error) -> {
                    if (error != null) {
                        counters.settleFailed(meta.subject());
                        LOG.warning(
                                () ->
                                        "Could not "
                                                + what
                                                + " "
                                                + meta
                                                + " of "
                                                + settings
                                                + ": "
                                                + unwrap(error)
                                                + "; JetStream redelivers it after ack-wait ("
                                                + settings.ackWait()
                                                + ")");
                    }
                    return null;
                });
    }

    private CompletableFuture<Void> reply(Message raw, byte[] body) {
        Connection c = connection.connectionNow();
        if (c == null || raw.getReplyTo() == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("not connected to NATS"));
        }
        CompletableFuture<Message> request;
        try {
            request = c.requestWithTimeout(raw.getReplyTo(), body, settings.requestTimeout());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return request.handleAsync(
                (response, error) -> {
                    if (error != null) {
                        throw error instanceof CompletionException
                                ? (CompletionException) error
                                : new CompletionException(error);
                    }
                    if (response.isStatusMessage()) {
                        throw new CompletionException(
                                new IllegalStateException(
                                        "JetStream refused acknowledgement: "
                                                + response.getStatus().getMessageWithCode()));
                    }
                    return null;
                },
                callbacks);
    }

    /** ±10 %, so messages failed by one outage do not all come back in the same instant. */
    private static Duration jittered(Duration d) {
        long millis = d.toMillis();
        long spread = millis / 10;
        return spread == 0
                ? d
                : Duration.ofMillis(
                        millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }

    private static String unwrap(Throwable error) {
        Throwable t =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        return t.toString();
    }

    int trackedFailures() {
        return failures.tracked();
    }
}
