package dev.ticketing.nats;

import java.util.function.LongSupplier;

/**
 * What the connector counts, per subject: events consumed (and of those, redeliveries), dead
 * letters, settlements that could not be delivered, events published and publishes that failed; and
 * a gauge of the dead letters waiting. Inside Liberty they are MicroProfile Metrics ({@link
 * MetricsEventCounters}); elsewhere nothing is counted.
 */
public interface EventCounters {

    void consumed(String subject, long deliveredCount);

    void deadLettered(String subject);

    void published(String subject);

    void publishFailed(String subject);

    /** An ack or nack that did not reach the server (the message is redelivered after ack-wait). */
    void settleFailed(String subject);

    /**
     * Registers the gauge of dead letters waiting for messages of {@code subject} (-1: not counted
     * yet).
     */
    void deadLetters(String subject, LongSupplier waiting);

    EventCounters NONE =
            new EventCounters() {
                @Override
                public void consumed(String subject, long deliveredCount) {}

                @Override
                public void deadLettered(String subject) {}

                @Override
                public void published(String subject) {}

                @Override
                public void publishFailed(String subject) {}

                @Override
                public void settleFailed(String subject) {}

                @Override
                public void deadLetters(String subject, LongSupplier waiting) {}
            };
}
