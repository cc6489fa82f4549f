package dev.ticketing.catalog.it;

import static dev.ticketing.testing.ApiClients.error;
import static dev.ticketing.testing.ApiClients.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.catalog.api.ListingQuery;
import dev.ticketing.catalog.api.TicketRequest;
import dev.ticketing.catalog.api.TicketResponse;
import dev.ticketing.catalog.api.TicketsApi;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.ApiClients.Refusal;
import dev.ticketing.testing.Sessions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The catalog's routes through a typed client of {@link TicketsApi}, the interface TicketsResource
 * serves (MicroShed Testing against the server the build started): what the resource declares is
 * what a Java client gets, and every refusal still carries the whole error envelope of docs/api.md.
 */
@MicroShedTest
public class TicketsClientIT {

    /** An anonymous visitor's client, injected by MicroShed Testing. */
    @RESTClient public static TicketsApi visitor;

    /** The same, for refusals: its exceptions keep the body (see {@link ApiClients}). */
    private static final TicketsApi anonymous = ApiClients.anonymous(TicketsApi.class);

    private static Sessions.User seller;
    private static TicketsApi sellers;
    private static TicketsApi others;

    @BeforeAll
    static void signIn() {
        seller = Sessions.signUp();
        sellers = ApiClients.as(seller, TicketsApi.class);
        others = ApiClients.as(Sessions.signUp(), TicketsApi.class);
    }

    private static List<TicketResponse> free(ListingQuery query) {
        return visitor.free(query).readEntity(new GenericType<List<TicketResponse>>() {});
    }

    private static TicketRequest ticket(String title, String price) {
        return new TicketRequest(title, Json.createValue(new BigDecimal(price)));
    }

    @Test
    void aSellerListsAndEditsATicketThatEveryoneCanRead() {
        Response created = sellers.sell(ticket("Opera, box 2", "40.5"));
        assertEquals(201, created.getStatus());
        TicketResponse listed = created.readEntity(TicketResponse.class);
        assertEquals(
                new TicketResponse(
                        listed.id(),
                        "Opera, box 2",
                        new BigDecimal("40.50"),
                        seller.id(),
                        0,
                        null,
                        "on-sale",
                        null,
                        null,
                        null,
                        false,
                        null),
                listed);
        assertEquals(listed, visitor.one(listed.id()));

        TicketResponse edited = sellers.edit(listed.id(), ticket("Opera, box 3", "41"));
        assertEquals("Opera, box 3", edited.title());
        assertEquals(new BigDecimal("41.00"), edited.price());
        assertEquals(1, edited.version());
        assertNull(edited.orderId());
        assertEquals(edited, visitor.one(listed.id()));
        assertTrue(free(ListingQuery.page(null, null)).contains(edited));
        // A search through the same typed client: the words of the title, any case.
        List<TicketResponse> found = free(ListingQuery.search("OPERA bo", null, "cheapest", "100"));
        assertTrue(found.contains(edited), found.toString());
        assertTrue(
                found.stream().allMatch(t -> t.title().startsWith("Opera, bo")), found.toString());

        assertTrue(sellers.mine(null, null).contains(edited));
        assertEquals(204, sellers.withdraw(listed.id()).getStatus());
        TicketResponse withdrawn = visitor.one(listed.id());
        assertEquals("withdrawn", withdrawn.state());
        assertTrue(sellers.mine(null, null).contains(withdrawn));
        assertFalse(free(ListingQuery.page(null, null)).contains(withdrawn));
    }

    @Test
    void refusalsCarryTheWholeErrorEnvelope() {
        String id =
                sellers.sell(ticket("Ballet, row 1", "30")).readEntity(TicketResponse.class).id();

        assertRefused(
                refusal(() -> anonymous.sell(ticket("t", "10"))), 401, error("Not authorized"));
        assertRefused(
                refusal(() -> others.edit(id, ticket("theirs", "1"))),
                401,
                error("Not authorized"));
        assertRefused(
                refusal(() -> anonymous.one("665f1c2e9b1e8a3d4c5b6a79")), 404, error("Not Found"));
        assertRefused(refusal(() -> others.withdraw(id)), 401, error("Not authorized"));
        assertRefused(refusal(() -> anonymous.mine(null, null)), 401, error("Not authorized"));
        assertRefused(
                refusal(() -> sellers.sell(ticket("  ", "10"))),
                400,
                error("Title is required", "title"));
        assertRefused(
                refusal(() -> anonymous.free(ListingQuery.page("0", null))),
                400,
                error("Limit must be a whole number from 1 to 1000", "limit"));
    }

    private static void assertRefused(Refusal refusal, int status, JsonObject body) {
        assertEquals(status, refusal.status(), refusal.toString());
        assertTrue(refusal.contentType().startsWith("application/json"), refusal.toString());
        assertEquals(body, refusal.body());
    }

    static List<String> ids(List<TicketResponse> tickets) {
        return tickets.stream().map(TicketResponse::id).toList();
    }
}
