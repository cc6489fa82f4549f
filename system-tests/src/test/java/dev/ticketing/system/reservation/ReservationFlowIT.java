package dev.ticketing.system.reservation;

import static dev.ticketing.system.reservation.Platform.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The "done when", across catalog and order services: a seller lists and edits a ticket, it
 * becomes orderable, a buyer reserves it, the catalog hides it and refuses edits, no one else can
 * order it, the buyer cancels, and someone else buys it.
 */
class ReservationFlowIT {

    @Test
    void aTicketIsListedReservedReleasedAndBoughtByTheNextBuyer() {
        Sessions.User seller = Sessions.signUp();
        Sessions.User buyer = Sessions.signUp();
        Sessions.User next = Sessions.signUp();
        String ticketId = Platform.sell(seller, "Cup final", "60").getString("id");
        assertEquals(200, Platform.edit(seller, ticketId, "Cup final, row 1", "65.5").status());
        Platform.awaitCopy(ticketId, 1);
        assertEquals("Cup final, row 1", Platform.copy(ticketId).getString("title"));

        HttpApi.Reply placed = Platform.order(buyer, ticketId);
        assertEquals(201, placed.status(), placed.body());
        String orderId = placed.json().getString("id");
        assertEquals(
                "65.50",
                placed.json()
                        .getJsonObject("ticket")
                        .getJsonNumber("price")
                        .bigDecimalValue()
                        .toPlainString());
        assertError(Platform.order(next, ticketId), 400, "Ticket is already reserved");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> orderId.equals(Platform.holderInCatalog(ticketId)));
        assertError(
                Platform.edit(seller, ticketId, "changed", "1"),
                400,
                "Cannot edit a reserved ticket");
        assertFalse(
                Platform.HTTP.get(ServiceUnderTest.url("/api/tickets")).jsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(t -> t.getString("id").equals(ticketId)));
        Platform.awaitCopy(
                ticketId, 2); // the catalog's reservation came back as ticket.updated ...
        assertEquals(
                orderId,
                Platform.copy(ticketId).getString("reservedBy")); // ... and left the claim alone

        assertEquals(204, Platform.cancel(buyer, orderId).status());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Platform.holderInCatalog(ticketId) == null);
        HttpApi.Reply bought = Platform.order(next, ticketId);
        assertEquals(201, bought.status(), bought.body());
        String nextOrder = bought.json().getString("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> nextOrder.equals(Platform.holderInCatalog(ticketId)));
        assertEquals(4, Platform.ticket(ticketId).getInt("version"));
    }
}
