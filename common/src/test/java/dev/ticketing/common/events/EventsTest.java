package dev.ticketing.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventsTest {

    private static final String ID = "0b1f8a56-2c1e-4d7a-9f0e-6a1c2b3d4e5f";
    private static final Instant AT = Instant.parse("2026-03-01T12:30:45.123Z");
    private static final Event SHOW =
            new Event("Night Sky Tour", "Arena", "Lyon", Instant.parse("2027-05-01T19:30:00Z"));

    static Stream<EventPayload> samples() {
        return Stream.of(
                new TicketCreated("t-1", 0, "Concert", new BigDecimal("10.50"), "u-1"),
                new TicketUpdated(
                        "t-1", 1, "Concert (moved)", new BigDecimal("12.00"), "u-1", "o-9"),
                new TicketUpdated("t-1", 2, "Concert", new BigDecimal("12.00"), "u-1", null),
                new TicketCreated(
                        "t-2",
                        0,
                        "Floor",
                        new BigDecimal("80.00"),
                        "u-1",
                        SHOW,
                        new Seat("A", "3", "14")),
                new TicketUpdated(
                        "t-2",
                        1,
                        "Floor",
                        new BigDecimal("80.00"),
                        "u-1",
                        "o-9",
                        "reserved",
                        SHOW,
                        new Seat(null, null, "14")),
                new TicketUpdated(
                        "t-3", 1, "Balcony", new BigDecimal("30.00"), "u-1", null, "withdrawn"),
                new OrderCreated(
                        "o-9",
                        0,
                        "created",
                        "u-2",
                        Instant.parse("2026-03-01T12:45:45Z"),
                        new OrderCreated.Ticket("t-1", new BigDecimal("10.50"))),
                new OrderCreated(
                        "o-10",
                        0,
                        "created",
                        "u-2",
                        Instant.parse("2026-03-01T12:45:45Z"),
                        new OrderCreated.Ticket(
                                "t-2",
                                new BigDecimal("80.00"),
                                "u-1",
                                Instant.parse("2026-06-01T19:30:00Z"))),
                new OrderCancelled("o-9", 1, new OrderCancelled.Ticket("t-1")),
                new OrderCompleted("o-9", 2, "u-2", new OrderCompleted.Ticket("t-1")),
                new ExpirationComplete("o-9"),
                new PaymentCreated("p-3", "o-9", "pi_123"),
                new PayoutCreated(
                        "o-9",
                        "t-1",
                        "u-1",
                        new BigDecimal("10.50"),
                        new BigDecimal("1.05"),
                        new BigDecimal("9.45"),
                        Instant.parse("2026-06-03T19:30:00Z")),
                new PayoutReleased(
                        "o-9",
                        "t-1",
                        "u-1",
                        new BigDecimal("10.50"),
                        new BigDecimal("1.05"),
                        new BigDecimal("9.45"),
                        "usd",
                        "tr_123"),
                new PayoutCancelled("o-8", "t-4", "u-1"),
                new SessionRevoked("5b0c2d1e-sid", Instant.parse("2026-03-01T20:45:45Z")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPayloadRoundTripsTypedAndUntyped(EventPayload payload) {
        EventEnvelope<EventPayload> sent = EventEnvelope.of(ID, AT, payload);
        String json = Events.toJson(sent);

        assertEquals(sent, Events.fromJson(json, payload.getClass()));
        assertEquals(sent, Events.fromJson(json));
        assertEquals(sent, Events.fromJson(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sent, Events.fromJson(Events.toBytes(sent), payload.getClass()));
    }

    @Test
    void catalogueCoversEveryPayloadRecord() {
        assertEquals(EventPayload.class.getPermittedSubclasses().length, EventType.values().length);
        assertEquals(EventType.values().length, samples().map(EventType::of).distinct().count());
        for (Class<?> c : EventPayload.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends EventPayload> payload = (Class<? extends EventPayload>) c;
            assertEquals(payload, EventType.ofPayload(payload).payloadType());
        }
    }

    @Test
    void envelopeJsonHasExactlyTheContractFieldsInOrder() {
        String json =
                Events.toJson(
                        EventEnvelope.of(
                                ID,
                                AT,
                                new TicketCreated(
                                        "t-1", 0, "Concert", new BigDecimal("10.50"), "u-1")));
        assertEquals(
                "{\"id\":\""
                        + ID
                        + "\",\"type\":\"ticket.created\",\"occurredAt\":\"2026-03-01T12:30:45.123Z\","
                        + "\"data\":{\"id\":\"t-1\",\"version\":0,\"title\":\"Concert\",\"price\":10.50,\"userId\":\"u-1\"}}",
                json);
    }

    @Test
    void aListingsEventAndSeatTravelWithTicketEventsAndAreLeftOutWhenUnknown() {
        assertData(
                new TicketCreated(
                        "t-2",
                        0,
                        "Floor",
                        new BigDecimal("80.00"),
                        "u-1",
                        SHOW,
                        new Seat("A", null, "14")),
                "{\"id\":\"t-2\",\"version\":0,\"title\":\"Floor\",\"price\":80.00,\"userId\":\"u-1\","
                        + "\"event\":{\"name\":\"Night Sky Tour\",\"venue\":\"Arena\",\"city\":\"Lyon\","
                        + "\"startsAt\":\"2027-05-01T19:30:00Z\"},\"seat\":{\"section\":\"A\",\"number\":\"14\"}}");
        // An event of the original contract (no event, no seat) still reads, as both null.
        TicketCreated old =
                Events.fromJson(
                                "{\"id\":\"e\",\"type\":\"ticket.created\",\"occurredAt\":\"2026-03-01T12:30:45.123Z\","
                                        + "\"data\":{\"id\":\"t\",\"version\":0,\"title\":\"x\",\"price\":1,\"userId\":\"u\"}}",
                                TicketCreated.class)
                        .data();
        assertEquals(new TicketCreated("t", 0, "x", new BigDecimal("1"), "u"), old);
    }

    @Test
    void payloadJsonFieldNamesMatchTheContract() {
        assertData(
                new TicketUpdated("t-1", 3, "A", new BigDecimal("1.00"), "u-1", "o-1"),
                "{\"id\":\"t-1\",\"version\":3,\"title\":\"A\",\"price\":1.00,\"userId\":\"u-1\",\"orderId\":\"o-1\"}");
        assertData(
                new OrderCreated(
                        "o-1",
                        0,
                        "created",
                        "u-2",
                        Instant.parse("2026-03-01T12:45:00Z"),
                        new OrderCreated.Ticket("t-1", new BigDecimal("20"))),
                "{\"id\":\"o-1\",\"version\":0,\"status\":\"created\",\"userId\":\"u-2\","
                        + "\"expiresAt\":\"2026-03-01T12:45:00Z\",\"ticket\":{\"id\":\"t-1\",\"price\":20}}");
        assertData(
                new OrderCancelled("o-1", 1, new OrderCancelled.Ticket("t-1")),
                "{\"id\":\"o-1\",\"version\":1,\"ticket\":{\"id\":\"t-1\"}}");
        assertData(
                new OrderCompleted("o-1", 2, null, new OrderCompleted.Ticket("t-1")),
                "{\"id\":\"o-1\",\"version\":2,\"ticket\":{\"id\":\"t-1\"}}");
        assertData(
                new OrderCompleted("o-1", 2, "u-2", new OrderCompleted.Ticket("t-1")),
                "{\"id\":\"o-1\",\"version\":2,\"userId\":\"u-2\",\"ticket\":{\"id\":\"t-1\"}}");
        assertData(new ExpirationComplete("o-1"), "{\"orderId\":\"o-1\"}");
        assertData(
                new PaymentCreated("p-1", "o-1", "ch_1"),
                "{\"id\":\"p-1\",\"orderId\":\"o-1\",\"stripeId\":\"ch_1\"}");
    }

    @Test
    void freeTicketHasAnExplicitNullOrderIdAndAnAbsentOneReadsAsNull() {
        String json =
                Events.toJson(
                        EventEnvelope.of(
                                ID,
                                AT,
                                new TicketUpdated(
                                        "t-1", 2, "A", new BigDecimal("5.00"), "u-1", null)));
        assertTrue(json.contains("\"orderId\":null"), json);

        String absent =
                "{\"id\":\""
                        + ID
                        + "\",\"type\":\"ticket.updated\",\"occurredAt\":\"2026-03-01T12:30:45Z\","
                        + "\"data\":{\"id\":\"t-1\",\"version\":2,\"title\":\"A\",\"price\":5.00,\"userId\":\"u-1\"}}";
        assertNull(Events.fromJson(absent, TicketUpdated.class).data().orderId());
        // An event of a catalog older than the listing's state reads as "not withdrawn".
        assertFalse(Events.fromJson(absent, TicketUpdated.class).data().withdrawn());
    }

    @Test
    void pricesKeepTheirScale() {
        for (String price : List.of("10.50", "10.5", "0.01", "1999.99", "7", "10.00")) {
            TicketCreated ticket = new TicketCreated("t", 0, "x", new BigDecimal(price), "u");
            BigDecimal back =
                    Events.fromJson(Events.toJson(EventEnvelope.of(ticket)), TicketCreated.class)
                            .data()
                            .price();
            assertEquals(price, back.toPlainString());
            assertEquals(new BigDecimal(price).scale(), back.scale());
        }
    }

    @Test
    void instantsAreIso8601Utc() {
        Instant expires = Instant.parse("2026-12-31T23:59:59Z");
        String json =
                Events.toJson(
                        EventEnvelope.of(
                                ID,
                                Instant.parse("2026-01-02T03:04:05Z"),
                                new OrderCreated(
                                        "o",
                                        0,
                                        "created",
                                        "u",
                                        expires,
                                        new OrderCreated.Ticket("t", BigDecimal.ONE))));
        assertTrue(json.contains("\"occurredAt\":\"2026-01-02T03:04:05Z\""), json);
        assertTrue(json.contains("\"expiresAt\":\"2026-12-31T23:59:59Z\""), json);
    }

    @Test
    void offsetTimestampsFromOtherProducersAreAccepted() {
        String json =
                "{\"id\":\""
                        + ID
                        + "\",\"type\":\"expiration.complete\",\"occurredAt\":\"2026-01-02T05:04:05+02:00\","
                        + "\"data\":{\"orderId\":\"o-1\"}}";
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), Events.fromJson(json).occurredAt());
    }

    @Test
    void newEnvelopesHaveAUuidTheTypeAndNow() {
        Instant before = Instant.now().minusSeconds(1);
        EventEnvelope<ExpirationComplete> a = Events.envelope(new ExpirationComplete("o-1"));
        EventEnvelope<ExpirationComplete> b = Events.envelope(new ExpirationComplete("o-1"));
        assertEquals(a.id(), UUID.fromString(a.id()).toString());
        assertNotEquals(a.id(), b.id());
        assertEquals("expiration.complete", a.type());
        assertTrue(!a.occurredAt().isBefore(before) && !a.occurredAt().isAfter(Instant.now()));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json =
                "{\"id\":\""
                        + ID
                        + "\",\"type\":\"payment.created\",\"occurredAt\":\"2026-01-02T03:04:05Z\","
                        + "\"schema\":2,\"data\":{\"id\":\"p\",\"orderId\":\"o\",\"stripeId\":\"s\",\"currency\":\"usd\",\"extra\":{\"a\":[1]}}}";
        assertEquals(
                new PaymentCreated("p", "o", "s"),
                Events.fromJson(json, PaymentCreated.class).data());
    }

    @Test
    void badMessagesAreEventFormatExceptions() {
        String ok =
                "\"id\":\""
                        + ID
                        + "\",\"occurredAt\":\"2026-01-02T03:04:05Z\",\"data\":{\"orderId\":\"o\"}";
        assertThrows(
                EventFormatException.class,
                () -> Events.fromJson("{not json", ExpirationComplete.class));
        assertThrows(
                EventFormatException.class, () -> Events.fromJson("", ExpirationComplete.class));
        assertThrows(EventFormatException.class, () -> Events.fromJson("[1,2]"));
        assertThrows(EventFormatException.class, () -> Events.fromJson("{" + ok + "}"));
        assertThrows(
                EventFormatException.class,
                () -> Events.fromJson("{\"type\":\"ticket.sold\"," + ok + "}"));
        EventFormatException wrong =
                assertThrows(
                        EventFormatException.class,
                        () ->
                                Events.fromJson(
                                        "{\"type\":\"expiration.complete\"," + ok + "}",
                                        PaymentCreated.class));
        assertTrue(wrong.getMessage().contains("payment.created"), wrong.getMessage());
        assertThrows(
                EventFormatException.class,
                () ->
                        Events.fromJson(
                                "{\"type\":\"expiration.complete\",\"id\":\"x\",\"occurredAt\":\"yesterday\",\"data\":{}}"));
        assertThrows(
                EventFormatException.class,
                () ->
                        Events.fromJson(
                                "{\"type\":\"ticket.created\",\"id\":\"x\",\"occurredAt\":\"2026-01-02T03:04:05Z\",\"data\":{\"version\":\"new\"}}"));
        assertThrows(
                EventFormatException.class,
                () ->
                        Events.fromJson(
                                "{\"type\":\"ticket.created\",\"id\":\"x\",\"occurredAt\":\"2026-01-02T03:04:05Z\",\"data\":null}"));
    }

    @Test
    void envelopeTypeMustMatchItsPayload() {
        EventEnvelope<ExpirationComplete> lying =
                new EventEnvelope<>(ID, "order.created", AT, new ExpirationComplete("o"));
        assertThrows(IllegalArgumentException.class, () -> Events.toJson(lying));
        assertThrows(IllegalArgumentException.class, () -> new EventEnvelope<>("", "x", AT, "d"));
    }

    @Test
    void subjectsFollowTheConfigurablePrefix() {
        assertEquals("ticketing.order.created", EventType.ORDER_CREATED.subject());
        assertEquals("ticketing.expiration.complete", EventType.EXPIRATION_COMPLETE.subject(null));
        assertEquals("it-42.order.cancelled", EventType.ORDER_CANCELLED.subject("it-42."));
        assertEquals("a.b.payment.created", EventType.PAYMENT_CREATED.subject("a.b"));
        assertEquals("ticketing.>", Subjects.all(""));
        assertEquals(
                EventType.TICKET_UPDATED,
                EventType.fromSubject("ticketing", "ticketing.ticket.updated").orElseThrow());
        assertTrue(EventType.fromSubject("ticketing", "other.ticket.updated").isEmpty());
        assertTrue(EventType.fromSubject("ticketing", "ticketing.ticket.sold").isEmpty());
        assertEquals(EventType.ORDER_COMPLETED, EventType.ofType("order.completed"));
        assertThrows(IllegalArgumentException.class, () -> EventType.ofType("order.paid"));
        assertThrows(IllegalArgumentException.class, () -> Subjects.normalizePrefix("ticketing.*"));
        assertThrows(IllegalArgumentException.class, () -> Subjects.normalizePrefix("a b"));
    }

    private static void assertData(EventPayload payload, String dataJson) {
        String json = Events.toJson(EventEnvelope.of(ID, AT, payload));
        String expected =
                "{\"id\":\""
                        + ID
                        + "\",\"type\":\""
                        + EventType.of(payload).type()
                        + "\",\"occurredAt\":\"2026-03-01T12:30:45.123Z\",\"data\":"
                        + dataJson
                        + "}";
        assertEquals(expected, json);
    }
}
