package dev.ticketing.catalog.api;

/**
 * The JSON examples of the OpenAPI document: what the ticket routes really take and answer
 * (docs/api.md's catalog-service table), kept here so the resource stays readable. Constants, as
 * annotations need them.
 */
final class OpenApiExamples {
    static final String TICKET_REQUEST = "{\"title\":\"Concert, row 5\",\"price\":25.75}";
    static final String EDIT_REQUEST = "{\"title\":\"Concert, row 5 (aisle)\",\"price\":30.25}";

    /** A free ticket: no orderId. */
    static final String TICKET =
            "{\"id\":\"665f1c2e9b1e8a3d4c5b6a79\",\"title\":\"Concert, row 5\",\"price\":25.75,"
                    + "\"userId\":\"7b2e4d10-5c3a-4f8e-9d61-0a4b8c2e6f13\",\"version\":0}";

    static final String EDITED_TICKET =
            "{\"id\":\"665f1c2e9b1e8a3d4c5b6a79\",\"title\":\"Concert, row 5 (aisle)\","
                    + "\"price\":30.25,\"userId\":\"7b2e4d10-5c3a-4f8e-9d61-0a4b8c2e6f13\",\"version\":1}";

    /** A ticket an order holds: it carries the orderId. */
    static final String RESERVED_TICKET =
            "{\"id\":\"665f1c2e9b1e8a3d4c5b6a79\",\"title\":\"Concert, row 5\","
                    + "\"price\":25.75,\"userId\":\"7b2e4d10-5c3a-4f8e-9d61-0a4b8c2e6f13\",\"version\":1,"
                    + "\"orderId\":\"665f1d409b1e8a3d4c5b6a80\"}";

    static final String FREE_TICKETS =
            "[{\"id\":\"665f1c5a9b1e8a3d4c5b6a7c\",\"title\":\"Theatre, stalls B12\","
                    + "\"price\":42.25,\"userId\":\"7b2e4d10-5c3a-4f8e-9d61-0a4b8c2e6f13\",\"version\":0},"
                    + TICKET
                    + "]";

    static final String PAGE_INVALID =
            "{\"errors\":["
                    + "{\"message\":\"Limit must be a whole number from 1 to 1000\",\"field\":\"limit\"},"
                    + "{\"message\":\"Offset must be a whole number, 0 or more\",\"field\":\"offset\"}]}";
    static final String TITLE_AND_PRICE_MISSING =
            "{\"errors\":["
                    + "{\"message\":\"Title is required\",\"field\":\"title\"},"
                    + "{\"message\":\"Price must be greater than 0\",\"field\":\"price\"}]}";
    static final String EDIT_PRICE_MISSING =
            "{\"errors\":["
                    + "{\"message\":\"Price must be provided and must be greater than 0\",\"field\":\"price\"}]}";
    static final String FRACTIONAL_CENTS =
            "{\"errors\":[{\"message\":\"Price must have at most 2 decimal places\",\"field\":\"price\"}]}";
    static final String PRICE_TOO_HIGH =
            "{\"errors\":[{\"message\":\"Price must be at most 1000000\",\"field\":\"price\"}]}";
    static final String RESERVED = "{\"errors\":[{\"message\":\"Cannot edit a reserved ticket\"}]}";
    static final String MALFORMED_JSON = "{\"errors\":[{\"message\":\"Malformed JSON\"}]}";
    static final String NOT_AUTHORIZED = "{\"errors\":[{\"message\":\"Not authorized\"}]}";
    static final String NOT_FOUND = "{\"errors\":[{\"message\":\"Not Found\"}]}";

    private OpenApiExamples() {}
}
