package dev.ticketing.order.api;

import static dev.ticketing.common.openapi.SharedExamples.MALFORMED_JSON;
import static dev.ticketing.order.api.OpenApiExamples.ALREADY_RESERVED;
import static dev.ticketing.order.api.OpenApiExamples.COMPLETED;
import static dev.ticketing.order.api.OpenApiExamples.EVENT_STARTED;
import static dev.ticketing.order.api.OpenApiExamples.HOLDING_TOO_MANY;
import static dev.ticketing.order.api.OpenApiExamples.LET_GO;
import static dev.ticketing.order.api.OpenApiExamples.ORDER;
import static dev.ticketing.order.api.OpenApiExamples.ORDERS;
import static dev.ticketing.order.api.OpenApiExamples.ORDER_REQUEST;
import static dev.ticketing.order.api.OpenApiExamples.OWN_TICKET;
import static dev.ticketing.order.api.OpenApiExamples.PAID_ORDER;
import static dev.ticketing.order.api.OpenApiExamples.TICKET_ID_MISSING;
import static dev.ticketing.order.api.OpenApiExamples.WITHDRAWN;

import dev.ticketing.common.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.models.Components;

/** What the order routes take and answer (docs/api.md, order-service), named for the routes. */
public class OrderApiDocs extends ApiDocs {
    static final String NEW = "NewOrder";
    static final String PLACED = "OrderPlaced";
    static final String REFUSED = "OrderRefused";
    static final String MINE = "BuyersOrders";
    static final String SHOWN = "OrderShown";
    static final String CANCELLED = "OrderCancelled";
    static final String NOT_CANCELLABLE = "OrderNotCancellable";

    public OrderApiDocs() {
        super(
                "order-service",
                "Orders and their lifecycle: reserve a ticket, cancel, expire, complete.");
    }

    @Override
    protected void describe(Components components) {
        components
                .addRequestBody(
                        NEW,
                        body(
                                schema(OrderRequest.class),
                                example("ticket to reserve", ORDER_REQUEST)))
                .addResponse(
                        PLACED,
                        reply(
                                "The order, status created",
                                schema(OrderResponse.class),
                                example("created", ORDER)))
                .addResponse(
                        REFUSED,
                        error(
                                "TicketId must be provided; the ticket is withdrawn, the buyer's own,"
                                        + " or its event has started; Ticket is already reserved; the"
                                        + " buyer already holds the most tickets one buyer may hold; the"
                                        + " buyer let this ticket go and its hold would still run",
                                example("ticketId missing", TICKET_ID_MISSING),
                                example("withdrawn by its seller", WITHDRAWN),
                                example("the buyer's own ticket", OWN_TICKET),
                                example("event started", EVENT_STARTED),
                                example("already reserved", ALREADY_RESERVED),
                                example("holding too many", HOLDING_TOO_MANY),
                                example("let go lately", LET_GO),
                                example("malformed JSON", MALFORMED_JSON)))
                .addResponse(
                        MINE,
                        reply(
                                "The orders",
                                listOf(OrderResponse.class),
                                example("orders", ORDERS),
                                example("none yet", "[]")))
                .addResponse(
                        SHOWN,
                        reply(
                                "The order",
                                schema(OrderResponse.class),
                                example("holding the ticket", ORDER),
                                example("paid", PAID_ORDER)))
                .addResponse(CANCELLED, empty("Cancelled (no body)"))
                .addResponse(
                        NOT_CANCELLABLE,
                        error("Cannot cancel a completed order", example("paid", COMPLETED)));
    }
}
