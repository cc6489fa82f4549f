package dev.ticketing.order.it;

import static dev.ticketing.testing.ApiClients.error;
import static dev.ticketing.testing.ApiClients.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.order.api.OrderRequest;
import dev.ticketing.order.api.OrderResponse;
import dev.ticketing.order.api.OrdersApi;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.ApiClients.Refusal;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The order routes through a typed client of {@link OrdersApi}, the interface OrdersResource serves
 * (MicroShed Testing against the server the build started): a buyer places, lists, reads and
 * cancels an order as a Java client would, and every refusal carries the whole error envelope of
 * docs/api.md.
 */
@MicroShedTest
public class OrdersClientIT {

    /** An anonymous visitor's client, injected by MicroShed Testing. */
    @RESTClient public static OrdersApi visitor;

    private static Sessions.User buyer;
    private static OrdersApi buyers;
    private static OrdersApi others;
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        buyer = Sessions.signUp();
        buyers = ApiClients.as(buyer, OrdersApi.class);
        others = ApiClients.as(Sessions.signUp(), OrdersApi.class);
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @Test
    void aBuyerPlacesReadsListsAndCancelsAnOrder() {
        String ticketId = Market.listedTicket(bus, "Recital, seat 9", "35.50");

        Response placed = buyers.place(new OrderRequest(ticketId));
        assertEquals(201, placed.getStatus());
        OrderResponse order = placed.readEntity(OrderResponse.class);
        assertEquals(buyer.id(), order.userId());
        assertEquals("created", order.status());
        assertEquals(0, order.version());
        assertEquals(
                new OrderResponse.Ticket(
                        ticketId, "Recital, seat 9", new BigDecimal("35.50"), 0, null, null),
                order.ticket());

        assertEquals(order, buyers.one(order.id()));
        assertTrue(buyers.mine().contains(order), "the buyer's list holds the new order");

        assertEquals(204, buyers.cancel(order.id()).getStatus());
        OrderResponse cancelled = buyers.one(order.id());
        assertEquals("cancelled", cancelled.status());
        assertEquals(1, cancelled.version());
    }

    @Test
    void refusalsCarryTheWholeErrorEnvelope() {
        String ticketId = Market.listedTicket(bus, "Derby, stand A", "20");
        String orderId =
                buyers.place(new OrderRequest(ticketId)).readEntity(OrderResponse.class).id();
        OrdersApi anonymous = ApiClients.anonymous(OrdersApi.class);

        assertRefused(
                refusal(() -> anonymous.place(new OrderRequest(ticketId))),
                401,
                error("Not authorized"));
        assertRefused(refusal(() -> anonymous.mine()), 401, error("Not authorized"));
        assertRefused(refusal(() -> others.one(orderId)), 401, error("Not authorized"));
        assertRefused(
                refusal(() -> buyers.place(new OrderRequest(Market.newId()))),
                404,
                error("Not Found"));
        assertRefused(
                refusal(() -> others.place(new OrderRequest(ticketId))),
                400,
                error("Ticket is already reserved"));
        assertRefused(
                refusal(() -> buyers.place(new OrderRequest(" "))),
                400,
                error("TicketId must be provided", "ticketId"));
        assertRefused(refusal(() -> visitor.one(orderId)), 401, null);
    }

    /** {@code body} null: the client's own exception does not keep the body; status only. */
    private static void assertRefused(Refusal refusal, int status, JsonObject body) {
        assertEquals(status, refusal.status(), refusal.toString());
        if (body != null) {
            assertTrue(refusal.contentType().startsWith("application/json"), refusal.toString());
            assertEquals(body, refusal.body());
        }
    }
}
