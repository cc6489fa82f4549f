package dev.ticketing.catalog.it;

import static dev.ticketing.catalog.it.Catalog.assertError;
import static dev.ticketing.catalog.it.Catalog.assertFieldErrors;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ticket route of docs/api.md with its statuses and messages, and the events each change
 * publishes.
 */
class TicketRoutesIT {
    private static Sessions.User seller;
    private static Sessions.User other;
    private static Bus bus;

    @BeforeAll
    static void signIn() {
        seller = Sessions.signUp();
        other = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @Test
    void aTicketIsStoredWithMongoDbsOwnTypes() {
        // What the driver's date filters, the outbox relay and other tools read: an exact decimal
        // (scale kept), dates as dates, not the strings or doubles a mapper might choose.
        JsonObject ticket = Catalog.listed(seller, "Stored shape", "19.9");
        try (MongoClient mongo = MongoClients.create(System.getProperty("it.store.url"))) {
            Document stored =
                    mongo.getDatabase("catalog")
                            .getCollection("tickets")
                            .find(Filters.eq("_id", ticket.getString("id")))
                            .first();
            assertEquals(new Decimal128(new BigDecimal("19.90")), stored.get("price"), "" + stored);
            assertInstanceOf(Date.class, stored.get("listedAt"), "" + stored);
            assertEquals(0L, stored.get("version"), "" + stored);
            Object since = stored.get("outboxSince");
            assertTrue(since == null || since instanceof Date, "" + stored);
        }
    }

    @Test
    void aSellerListsATicketAtVersion0AndTheCatalogPublishesTicketCreated() {
        JsonObject ticket = Catalog.listed(seller, "Concert, row 5", "25.5");
        assertEquals("Concert, row 5", ticket.getString("title"));
        assertEquals(new BigDecimal("25.50"), ticket.getJsonNumber("price").bigDecimalValue());
        assertEquals(seller.id(), ticket.getString("userId"));
        assertEquals(0, ticket.getInt("version"));
        assertTrue(!ticket.containsKey("orderId") || ticket.isNull("orderId"), ticket.toString());
        assertEquals(ticket, Catalog.ticket(ticket.getString("id")));

        String id = ticket.getString("id");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            List<TicketCreated> created =
                                    bus.messages("ticket.created").stream()
                                            .map(
                                                    m ->
                                                            Events.fromJson(
                                                                            m.json(),
                                                                            TicketCreated.class)
                                                                    .data())
                                            .filter(t -> t.id().equals(id))
                                            .toList();
                            assertEquals(
                                    List.of(
                                            new TicketCreated(
                                                    id,
                                                    0,
                                                    "Concert, row 5",
                                                    new BigDecimal("25.50"),
                                                    seller.id())),
                                    created);
                        });
    }

    @Test
    void sellingNeedsASignedInUser() {
        assertError(
                Catalog.HTTP.post(ServiceUnderTest.url("/api/tickets"), Catalog.body("t", "10")),
                401,
                "Not authorized");
        assertError(
                Catalog.HTTP.post(
                        ServiceUnderTest.url("/api/tickets"),
                        Catalog.body("t", "10"),
                        "Cookie",
                        "session=not-a-token"),
                401,
                "Not authorized");
    }

    @Test
    void aNewTicketNeedsATitleAndAPositivePriceInWholeCents() {
        assertFieldErrors(
                Catalog.sell(seller, null, "null"),
                "title",
                "Title is required",
                "price",
                "Price must be greater than 0");
        assertFieldErrors(Catalog.sell(seller, "  ", "10"), "title", "Title is required");
        assertFieldErrors(Catalog.sell(seller, "t", "0"), "price", "Price must be greater than 0");
        assertFieldErrors(
                Catalog.sell(seller, "t", "-10"), "price", "Price must be greater than 0");
        assertFieldErrors(
                Catalog.sell(seller, "t", "10.005"),
                "price",
                "Price must have at most 2 decimal places");
        assertFieldErrors(
                Catalog.sell(seller, "t", "1e400"), "price", "Price must be at most 1000000");
        assertEquals(
                201,
                Catalog.sell(seller, "t", "10.500").status(),
                "trailing zeros are whole cents");
        assertEquals(400, Catalog.sell(seller, "t", "\"ten\"").status());
        assertEquals(
                400,
                Catalog.HTTP
                        .post(ServiceUnderTest.url("/api/tickets"), "{\"title\":", seller.auth())
                        .status());
        assertEquals(
                400,
                Catalog.HTTP
                        .post(ServiceUnderTest.url("/api/tickets"), "", seller.auth())
                        .status());
    }

    /**
     * Inputs (docs/api.md, "Hardening"). Before: a 100,000-character title was stored (and listed
     * to everyone), a title of zero-width spaces passed "required", control and
     * right-to-left-override characters were stored, and a price sent as a string was converted.
     */
    @Test
    void titlesAreCleanedAndBoundedAndPricesAreJsonNumbers() {
        assertFieldErrors(
                Catalog.sell(seller, "x".repeat(100_000), "10"),
                "title",
                "Title must be at most 200 characters");
        assertFieldErrors(
                Catalog.sell(seller, "x".repeat(201), "10"),
                "title",
                "Title must be at most 200 characters");
        assertEquals(
                201,
                Catalog.sell(seller, "\u00e9".repeat(200), "10").status(),
                "200 characters, whatever their bytes");
        assertFieldErrors(
                Catalog.sell(seller, "\u200b\u200b\ufeff", "10"), "title", "Title is required");
        assertFieldErrors(
                Catalog.sell(seller, "Invoice\u202egnp.exe", "10"),
                "title",
                "Title must not contain control or direction-changing characters");
        assertFieldErrors(
                Catalog.sell(seller, "Bell\\u0007", "10"),
                "title",
                "Title must not contain control or direction-changing characters");
        // Stored as NFC, without the invisible characters at its edges.
        JsonObject cafe = Catalog.listed(seller, "\u200b Cafe\u0301 concert ", "12");
        assertEquals("Caf\u00e9 concert", cafe.getString("title"));
        assertEquals(
                "Caf\u00e9 concert", Catalog.get(cafe.getString("id")).json().getString("title"));
        // Only a JSON number is a price.
        assertFieldErrors(Catalog.sell(seller, "t", "\"10\""), "price", "Price must be a number");
        assertFieldErrors(Catalog.sell(seller, "t", "true"), "price", "Price must be a number");
        assertFieldErrors(
                Catalog.edit(seller, cafe.getString("id"), "t", "\"12.50\""),
                "price",
                "Price must be a number");
        assertEquals(
                413,
                Catalog.sell(seller, "x".repeat(1_100_000), "10").status(),
                "over the 1 MiB body limit");
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        assertError(Catalog.get("665f1c2e9b1e8a3d4c5b6a79"), 404, "Not Found");
        assertError(Catalog.get("not-an-id"), 404, "Not Found");
        assertError(Catalog.edit(seller, "665f1c2e9b1e8a3d4c5b6a79", "t", "10"), 404, "Not Found");
    }

    @Test
    void theListShowsFreeTicketsNewestFirstWithOptionalPaging() {
        JsonObject first = Catalog.listed(seller, "first", "10");
        JsonObject second = Catalog.listed(seller, "second", "11");
        JsonObject third = Catalog.listed(seller, "third", "12");
        List<String> all = ids(Catalog.list(""));
        assertTrue(
                all.indexOf(third.getString("id")) < all.indexOf(second.getString("id")),
                all.toString());
        assertTrue(
                all.indexOf(second.getString("id")) < all.indexOf(first.getString("id")),
                all.toString());
        assertEquals(
                List.of(third.getString("id"), second.getString("id")),
                ids(Catalog.list("?limit=2")));
        assertEquals(List.of(second.getString("id")), ids(Catalog.list("?limit=1&offset=1")));

        assertFieldErrors(
                Catalog.HTTP.get(ServiceUnderTest.url("/api/tickets?limit=0")),
                "limit",
                "Limit must be a whole number from 1 to 1000");
        assertFieldErrors(
                Catalog.HTTP.get(ServiceUnderTest.url("/api/tickets?limit=abc&offset=-1")),
                "limit",
                "Limit must be a whole number from 1 to 1000",
                "offset",
                "Offset must be a whole number, 0 or more");
    }

    @Test
    void theSellerEditsATicketToTheNextVersionAndTheCatalogPublishesTicketUpdated() {
        String id = Catalog.listed(seller, "before", "10").getString("id");
        HttpApi.Reply reply = Catalog.edit(seller, id, "after", "12.25");
        assertEquals(200, reply.status(), reply.body());
        JsonObject edited = reply.json();
        assertEquals("after", edited.getString("title"));
        assertEquals(new BigDecimal("12.25"), edited.getJsonNumber("price").bigDecimalValue());
        assertEquals(1, edited.getInt("version"));
        assertEquals(edited, Catalog.ticket(id));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new TicketUpdated(
                                                        id,
                                                        1,
                                                        "after",
                                                        new BigDecimal("12.25"),
                                                        seller.id(),
                                                        null,
                                                        "on-sale")),
                                        bus.messages("ticket.updated").stream()
                                                .map(
                                                        m ->
                                                                Events.fromJson(
                                                                                m.json(),
                                                                                TicketUpdated.class)
                                                                        .data())
                                                .filter(t -> t.id().equals(id))
                                                .toList()));
    }

    @Test
    void onlyTheSellerEditsAndEveryEditIsValidated() {
        String id = Catalog.listed(seller, "mine", "10").getString("id");
        assertError(Catalog.edit(other, id, "theirs", "1"), 401, "Not authorized");
        assertError(
                Catalog.HTTP.put(
                        ServiceUnderTest.url("/api/tickets/" + id), Catalog.body("x", "1")),
                401,
                "Not authorized");
        assertFieldErrors(
                Catalog.edit(seller, id, "", "null"),
                "title",
                "Title is required",
                "price",
                "Price must be provided and must be greater than 0");
        assertFieldErrors(
                Catalog.edit(seller, id, "t", "-1"),
                "price",
                "Price must be provided and must be greater than 0");
        assertFieldErrors(
                Catalog.edit(seller, id, "t", "1.001"),
                "price",
                "Price must have at most 2 decimal places");
        assertEquals(0, Catalog.ticket(id).getInt("version"), "refused edits change nothing");
    }

    @Test
    void aReservedTicketCannotBeEditedAndLeavesTheList() {
        String id = Catalog.listed(seller, "popular", "30").getString("id");
        String orderId = Catalog.newOrderId();
        bus.publish("order.created", Catalog.orderCreated(orderId, id), "it-" + orderId);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Catalog.ticket(id).containsKey("orderId"));
        JsonObject reserved = Catalog.ticket(id);
        assertEquals(orderId, reserved.getString("orderId"));
        assertEquals(1, reserved.getInt("version"));

        assertError(
                Catalog.edit(seller, id, "changed", "31"), 400, "Cannot edit a reserved ticket");
        assertFalse(ids(Catalog.list("")).contains(id));
        assertEquals(reserved, Catalog.ticket(id));
    }

    static List<String> ids(jakarta.json.JsonArray tickets) {
        return tickets.stream().map(JsonValue::asJsonObject).map(t -> t.getString("id")).toList();
    }
}
