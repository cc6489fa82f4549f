package dev.ticketing.store.outbox;

import jakarta.nosql.Column;
import jakarta.nosql.MappedSuperclass;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * An aggregate's document with its outbox ({@link Outbox#FIELD}, {@link Outbox#SINCE}), for
 * entities mapped with Jakarta NoSQL: inserting one through the template stores the aggregate and
 * its first events in one atomic document write. Later changes append events with the driver
 * ({@link Outbox#append}), in the same conditional update as the change.
 */
@MappedSuperclass
public abstract class OutboxDocument {

    @Column(Outbox.FIELD)
    private List<OutboxEntry> outbox = new ArrayList<>();

    @Column(Outbox.SINCE)
    private Date outboxSince;

    /** Puts {@code events} in this (new) document's outbox, marking since when they wait. */
    public void holdEvents(List<PendingEvent> events) {
        events.forEach(e -> outbox.add(new OutboxEntry(e)));
        if (!events.isEmpty() && outboxSince == null) {
            outboxSince = new Date();
        }
    }
}
