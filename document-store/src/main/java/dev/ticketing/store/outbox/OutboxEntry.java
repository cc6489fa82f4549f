package dev.ticketing.store.outbox;

import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;

/**
 * One event waiting in a document's outbox, as Jakarta NoSQL maps it: the same {@code {id, subject,
 * json}} that {@link PendingEvent#toDocument} writes and the relay reads.
 */
@Embeddable(Embeddable.EmbeddableType.GROUPING)
public class OutboxEntry {
    @Column private String id;
    @Column private String subject;
    @Column private String json;

    public OutboxEntry() {}

    OutboxEntry(PendingEvent event) {
        this.id = event.id();
        this.subject = event.subject();
        this.json = event.json();
    }
}
