package dev.ticketing.kit.events;

import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.Events;
import dev.ticketing.nats.PoisonMessage;
import dev.ticketing.nats.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one way every service settles an incoming event (docs/architecture.md, "Failure model"): a
 * consumer says how to read the event and how to apply it; this decides what happens to the
 * message.
 *
 * <ul>
 *   <li>applied or a duplicate → ack;
 *   <li>{@link Outcome#EARLY} → redelivered with a capped, doubling delay until what it follows is
 *       applied;
 *   <li>unreadable, or a {@link PoisonMessage} / {@link EventFormatException} anywhere in the
 *       failure → dead-lettered at once, with the reason;
 *   <li>a transient failure (a dependency down: see {@link TransientFailures}) → redelivered with a
 *       capped, doubling delay for as long as the outage lasts, never dead-lettered;
 *   <li>anything else → redelivered after the channel's backoff, dead-lettered after max-deliver.
 * </ul>
 *
 * The returned stage always completes normally: in SmallRye a failed stage returned by an
 * {@code @Incoming} method ends the channel for the life of the JVM.
 */
@ApplicationScoped
public class Settle {
    private static final Logger LOG = Logger.getLogger(Settle.class.getName());

    /**
     * During an outage every redelivery fails the same way: say so at most this often per subject.
     */
    private static final long QUIET_NANOS = 30_000_000_000L;

    @Inject Instance<TransientFailures> transientFailures;

    private final Map<String, Long> lastTransientWarning = new ConcurrentHashMap<>();

    /**
     * Reads an event from a message's payload; any exception means the message is not a readable
     * event.
     */
    @FunctionalInterface
    public interface Reader<E> {
        E read(String payload);
    }

    /**
     * Reads the message's event with {@code read}, applies it with {@code apply}, and settles the
     * message by the outcome or the kind of failure. Never fails.
     */
    public <E> CompletionStage<Void> event(
            Message<String> message, Reader<E> read, Function<E, Outcome> apply) {
        try {
            return quietly(message, decide(message, read, apply));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "settling " + describe(message) + " failed; it is redelivered after ack-wait",
                    e);
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * The same for an event of the bus (docs/api.md, "Events"): reads the message as an envelope of
     * {@code type}, takes what the consumer needs from its data with {@code check} (which throws on
     * a missing or malformed field: the message is then unreadable and dead-lettered), and applies
     * that.
     */
    public <P extends EventPayload, E> CompletionStage<Void> event(
            Message<String> message,
            Class<P> type,
            Function<P, E> check,
            Function<E, Outcome> apply) {
        return event(message, json -> check.apply(Events.fromJson(json, type).data()), apply);
    }

    private <E> CompletionStage<Void> decide(
            Message<String> message, Reader<E> read, Function<E, Outcome> apply) {
        E event;
        try {
            event = read.read(message.getPayload());
        } catch (RuntimeException e) {
            PoisonMessage poison =
                    new PoisonMessage("unreadable " + describe(message) + ": " + e.getMessage(), e);
            LOG.warning(poison.getMessage() + " (dead-lettered)");
            return message.nack(poison);
        }
        Outcome outcome;
        try {
            outcome = apply.apply(event);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return message.nack(classify(message, event, e));
        }
        if (outcome == Outcome.EARLY) {
            LOG.fine(() -> describe(message) + " arrived early; redelivered later: " + event);
            return message.nack(new WaitingForEarlierEvent(describe(message) + " " + event));
        }
        return message.ack();
    }

    /** The nack reason for a failure to apply {@code event}: poison, transient, or as it is. */
    Throwable classify(Message<String> message, Object event, Throwable failure) {
        if (has(failure, PoisonMessage.class) || has(failure, EventFormatException.class)) {
            LOG.warning(
                    () -> describe(message) + " can never be applied (dead-lettered): " + failure);
            return failure instanceof PoisonMessage
                    ? failure
                    : new PoisonMessage(
                            describe(message) + " can never be applied: " + failure.getMessage(),
                            failure);
        }
        if (isTransient(failure)) {
            warnOncePerOutage(message, failure);
            return failure instanceof TransientFailure
                    ? failure
                    : new TransientFailure(
                            describe(message) + " waits for a dependency: " + failure, failure);
        }
        LOG.log(
                Level.WARNING,
                describe(message) + " failed; redelivered after the channel's backoff: " + event,
                failure);
        return failure;
    }

    /**
     * True when the failure or one of its causes is transient, by the JDK's rules or an adapter's.
     */
    boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof TransientFailure
                    || t instanceof SocketTimeoutException
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (transientFailures != null) {
                for (TransientFailures rule : transientFailures) {
                    if (rule.isTransient(t)) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private void warnOncePerOutage(Message<String> message, Throwable failure) {
        String subject = subjectOf(message);
        long now = System.nanoTime();
        Long last = lastTransientWarning.get(subject);
        if (last == null || now - last > QUIET_NANOS) {
            lastTransientWarning.put(subject, now);
            LOG.warning(
                    () ->
                            describe(message)
                                    + " waits for a dependency and is redelivered with backoff"
                                    + " (said once per 30 s per subject): "
                                    + failure);
        } else {
            LOG.fine(() -> describe(message) + " waits for a dependency: " + failure);
        }
    }

    /** The settlement's stage, never failing: the connector's never do, another message's might. */
    private static CompletionStage<Void> quietly(
            Message<String> message, CompletionStage<Void> settlement) {
        return settlement.handle(
                (v, e) -> {
                    if (e != null) {
                        LOG.warning(
                                () ->
                                        "settling "
                                                + describe(message)
                                                + " failed ("
                                                + e
                                                + "); it is redelivered");
                    }
                    return null;
                });
    }

    private static String subjectOf(Message<String> message) {
        try {
            dev.ticketing.nats.IncomingNatsMetadata meta =
                    message.unwrap(dev.ticketing.nats.IncomingNatsMetadata.class);
            return meta == null ? "event" : meta.subject();
        } catch (RuntimeException e) {
            return "event";
        }
    }

    private static String describe(Message<String> message) {
        try {
            dev.ticketing.nats.IncomingNatsMetadata meta =
                    message.unwrap(dev.ticketing.nats.IncomingNatsMetadata.class);
            return meta == null ? "event" : meta.subject() + " #" + meta.streamSequence();
        } catch (RuntimeException e) {
            return "event";
        }
    }
}
