package dev.ticketing.nats;

import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The connector's counters in the application's MicroProfile Metrics registry, tagged by subject:
 * {@code ticketing_events_consumed_total}, {@code ..._redelivered_total}, {@code
 * ..._dead_lettered_total}, {@code ..._settle_failed_total}, {@code ..._published_total}, {@code
 * ..._publish_failed_total}, and the gauge {@code ticketing_dead_letters} on {@code /metrics}.
 */
final class MetricsEventCounters implements EventCounters {
    private static final Metadata CONSUMED =
            metadata(
                    "ticketing.events.consumed",
                    "Events delivered to the application, redeliveries included");
    private static final Metadata REDELIVERED =
            metadata(
                    "ticketing.events.redelivered",
                    "Events delivered again after a nack or an expired ack wait");
    private static final Metadata DEAD_LETTERED =
            metadata(
                    "ticketing.events.dead.lettered",
                    "Events moved to the dead-letter subject after their last allowed delivery failed");
    private static final Metadata PUBLISHED =
            metadata(
                    "ticketing.events.published",
                    "Events stored by JetStream (a duplicate the server dropped counts: the event is stored)");
    private static final Metadata PUBLISH_FAILED =
            metadata(
                    "ticketing.events.publish.failed",
                    "Publishes that failed (the message was nacked; the outbox retries)");
    private static final Metadata SETTLE_FAILED =
            metadata(
                    "ticketing.events.settle.failed",
                    "Acks and nacks that did not reach the server (the event is redelivered after ack-wait)");
    private static final Metadata DEAD_LETTERS =
            metadata(
                    "ticketing.dead.letters",
                    "Dead letters waiting in the stream for events of this subject (-1 until first counted);"
                            + " ./ticketing dlq lists and replays them");

    private final MetricRegistry registry;

    MetricsEventCounters(MetricRegistry registry) {
        this.registry = registry;
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    private void count(Metadata metric, String subject) {
        registry.counter(metric, new Tag("subject", subject)).inc();
    }

    @Override
    public void consumed(String subject, long deliveredCount) {
        count(CONSUMED, subject);
        if (deliveredCount > 1) {
            count(REDELIVERED, subject);
        }
    }

    @Override
    public void deadLettered(String subject) {
        count(DEAD_LETTERED, subject);
    }

    @Override
    public void published(String subject) {
        count(PUBLISHED, subject);
    }

    @Override
    public void publishFailed(String subject) {
        count(PUBLISH_FAILED, subject);
    }

    @Override
    public void settleFailed(String subject) {
        count(SETTLE_FAILED, subject);
    }

    @Override
    public void deadLetters(String subject, LongSupplier waiting) {
        registry.gauge(DEAD_LETTERS, waiting, LongSupplier::getAsLong, new Tag("subject", subject));
    }
}
