package dev.ticketing.order.events;

import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.order.application.Outcome;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * How every consumer here settles a message: applied or duplicate → ack; early or failed → nack
 * (redelivered after a backoff, dead-lettered after the channel's max-deliver); unreadable → nack,
 * so it ends as a dead letter with the reason rather than vanishing.
 */
final class Settle {
    private static final Logger LOG = Logger.getLogger(Settle.class.getName());

    private Settle() {
    }

    static <E> CompletionStage<Void> handle(Message<String> message, Supplier<E> read,
                                            java.util.function.Function<E, Outcome> apply) {
        E event;
        try {
            event = read.get();
        } catch (EventFormatException e) {
            LOG.warning("unreadable event (it goes to the dead-letter subject): " + e.getMessage());
            return message.nack(e);
        }
        Outcome outcome;
        try {
            outcome = apply.apply(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event failed; it will be redelivered: " + event, e);
            return message.nack(e);
        }
        if (outcome == Outcome.EARLY) {
            return message.nack(new IllegalStateException("arrived before the event it follows: " + event));
        }
        return message.ack();
    }
}
