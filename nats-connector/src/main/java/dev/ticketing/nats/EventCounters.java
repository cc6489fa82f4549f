package dev.ticketing.nats;

/**
 * What the connector counts, per subject: events consumed (and of those, redeliveries), dead
 * letters, events published and publishes that failed. Inside Liberty they are MicroProfile
 * Metrics counters ({@link MetricsEventCounters}); elsewhere nothing is counted.
 */
public interface EventCounters {

    void consumed(String subject, long deliveredCount);

    void deadLettered(String subject);

    void published(String subject);

    void publishFailed(String subject);

    EventCounters NONE = new EventCounters() {
        @Override
        public void consumed(String subject, long deliveredCount) {
        }

        @Override
        public void deadLettered(String subject) {
        }

        @Override
        public void published(String subject) {
        }

        @Override
        public void publishFailed(String subject) {
        }
    };
}
