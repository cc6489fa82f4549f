package dev.ticketing.order.api;

import static dev.ticketing.common.openapi.SharedExamples.BUYER_ID;
import static dev.ticketing.common.openapi.SharedExamples.ORDER_EXPIRES_AT;
import static dev.ticketing.common.openapi.SharedExamples.ORDER_ID;
import static dev.ticketing.common.openapi.SharedExamples.TICKET_ID;
import static dev.ticketing.common.openapi.SharedExamples.TICKET_MEMBERS;

/**
 * The JSON examples of the OpenAPI document: what the order routes really take and answer
 * (docs/api.md's order-service table), kept here so the resource stays readable. Constants, as
 * annotations need them.
 */
final class OpenApiExamples {
    static final String ORDER_REQUEST = "{\"ticketId\":\"" + TICKET_ID + "\"}";

    static final String ORDER =
            "{\"id\":\""
                    + ORDER_ID
                    + "\",\"userId\":\""
                    + BUYER_ID
                    + "\",\"status\":\"created\",\"expiresAt\":\""
                    + ORDER_EXPIRES_AT
                    + "\",\"version\":0,\"ticket\":{"
                    + TICKET_MEMBERS
                    + ",\"version\":0}}";
    static final String PAID_ORDER =
            "{\"id\":\"665f1a119b1e8a3d4c5b6a60\",\"userId\":\""
                    + BUYER_ID
                    + "\","
                    + "\"status\":\"complete\",\"expiresAt\":\"2026-02-27T18:20:04.031Z\",\"version\":1,"
                    + "\"ticket\":{\"id\":\"665f19f79b1e8a3d4c5b6a5a\",\"title\":\"Theatre, stalls B12\",\"price\":42.25,\"version\":0}}";
    static final String ORDERS = "[" + ORDER + "," + PAID_ORDER + "]";

    static final String TICKET_ID_MISSING =
            "{\"errors\":[{\"message\":\"TicketId must be provided\",\"field\":\"ticketId\"}]}";
    static final String ALREADY_RESERVED =
            "{\"errors\":[{\"message\":\"Ticket is already reserved\"}]}";
    static final String WITHDRAWN =
            "{\"errors\":[{\"message\":\"The seller has withdrawn this ticket\"}]}";
    static final String OWN_TICKET =
            "{\"errors\":[{\"message\":\"You cannot buy your own ticket\"}]}";
    static final String EVENT_STARTED =
            "{\"errors\":[{\"message\":\"The event has already started\"}]}";
    static final String HOLDING_TOO_MANY =
            "{\"errors\":[{\"message\":\"You already hold 4 tickets; pay for or cancel one first\"}]}";
    static final String LET_GO =
            "{\"errors\":[{\"message\":\"You let this ticket go; you can order it again after "
                    + "2026-05-01T18:15:00Z (when your hold would have ended)\"}]}";
    static final String COMPLETED =
            "{\"errors\":[{\"message\":\"Cannot cancel a completed order\"}]}";

    private OpenApiExamples() {}
}
