package dev.ticketing.order.api;

/**
 * The JSON examples of the OpenAPI document: what the order routes really take and answer
 * (docs/api.md's order-service table), kept here so the resource stays readable. Constants, as
 * annotations need them.
 */
final class OpenApiExamples {
    static final String ORDER_REQUEST = "{\"ticketId\":\"665f1c2e9b1e8a3d4c5b6a79\"}";

    static final String ORDER =
            "{\"id\":\"665f1d409b1e8a3d4c5b6a80\",\"userId\":\"3f1c2a9e-8d4b-4c1e-9a57-2b6f0d1e4c88\","
                    + "\"status\":\"created\",\"expiresAt\":\"2026-03-01T12:45:00.512Z\",\"version\":0,"
                    + "\"ticket\":{\"id\":\"665f1c2e9b1e8a3d4c5b6a79\",\"title\":\"Concert, row 5\",\"price\":25.75,\"version\":0}}";
    static final String PAID_ORDER =
            "{\"id\":\"665f1a119b1e8a3d4c5b6a60\",\"userId\":\"3f1c2a9e-8d4b-4c1e-9a57-2b6f0d1e4c88\","
                    + "\"status\":\"complete\",\"expiresAt\":\"2026-02-27T18:20:04.031Z\",\"version\":1,"
                    + "\"ticket\":{\"id\":\"665f19f79b1e8a3d4c5b6a5a\",\"title\":\"Theatre, stalls B12\",\"price\":42.25,\"version\":0}}";
    static final String ORDERS = "[" + ORDER + "," + PAID_ORDER + "]";

    static final String TICKET_ID_MISSING =
            "{\"errors\":[{\"message\":\"TicketId must be provided\",\"field\":\"ticketId\"}]}";
    static final String ALREADY_RESERVED =
            "{\"errors\":[{\"message\":\"Ticket is already reserved\"}]}";
    static final String HOLDING_TOO_MANY =
            "{\"errors\":[{\"message\":\"You already hold 4 tickets; pay for or cancel one first\"}]}";
    static final String LET_GO =
            "{\"errors\":[{\"message\":\"You let this ticket go; you can order it again after "
                    + "2026-05-01T18:15:00Z (when your hold would have ended)\"}]}";
    static final String COMPLETED =
            "{\"errors\":[{\"message\":\"Cannot cancel a completed order\"}]}";
    static final String MALFORMED_JSON = "{\"errors\":[{\"message\":\"Malformed JSON\"}]}";
    static final String NOT_AUTHORIZED = "{\"errors\":[{\"message\":\"Not authorized\"}]}";
    static final String NOT_FOUND = "{\"errors\":[{\"message\":\"Not Found\"}]}";

    private OpenApiExamples() {}
}
