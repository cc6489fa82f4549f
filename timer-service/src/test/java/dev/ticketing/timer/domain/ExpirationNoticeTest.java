package dev.ticketing.timer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.ExpirationComplete;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpirationNoticeTest {

    @Test
    void everyAttemptForOneOrderCarriesTheSameEventId() {
        var first = ExpirationNotice.of("order-1", Instant.parse("2025-01-01T00:00:00Z"));
        var retry = ExpirationNotice.of("order-1", Instant.parse("2025-01-01T00:00:07Z"));
        assertEquals(first.id(), retry.id());
        assertEquals(ExpirationNotice.eventId("order-1"), first.id());
    }

    @Test
    void differentOrdersHaveDifferentEventIds() {
        assertNotEquals(ExpirationNotice.eventId("order-1"), ExpirationNotice.eventId("order-2"));
    }

    @Test
    void theEventIsAnExpirationCompleteNamingTheOrder() {
        var event = ExpirationNotice.of("order-9", Instant.parse("2025-01-01T00:00:00.123456Z"));
        var read = Events.fromJson(Events.toJson(event), ExpirationComplete.class);
        assertEquals("expiration.complete", read.type());
        assertEquals("order-9", read.data().orderId());
        assertEquals(Instant.parse("2025-01-01T00:00:00.123Z"), read.occurredAt());
    }

    @Test
    void anExpiryNeedsAnOrderAndADueTime() {
        assertThrows(IllegalArgumentException.class, () -> new Expiry(" ", Instant.now()));
        assertThrows(NullPointerException.class, () -> new Expiry("order-1", null));
    }
}
