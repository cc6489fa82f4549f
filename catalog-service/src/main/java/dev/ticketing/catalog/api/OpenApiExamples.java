package dev.ticketing.catalog.api;

import static dev.ticketing.common.openapi.SharedExamples.ORDER_ID;
import static dev.ticketing.common.openapi.SharedExamples.SELLER_ID;
import static dev.ticketing.common.openapi.SharedExamples.TICKET_ID;
import static dev.ticketing.common.openapi.SharedExamples.TICKET_MEMBERS;
import static dev.ticketing.common.openapi.SharedExamples.TICKET_PRICE;
import static dev.ticketing.common.openapi.SharedExamples.TICKET_TITLE;

/**
 * The JSON examples of the OpenAPI document: what the ticket routes really take and answer
 * (docs/api.md's catalog-service table), kept here so the resource stays readable. Constants, as
 * annotations need them; the ticket is common's {@code SharedExamples} ticket, which orders hold.
 */
final class OpenApiExamples {
    static final String TICKET_REQUEST =
            "{\"title\":\"" + TICKET_TITLE + "\",\"price\":" + TICKET_PRICE + "}";
    static final String EDIT_REQUEST = "{\"title\":\"Concert, row 5 (aisle)\",\"price\":30.25}";

    /** The event and seat of a listing, as sent and as shown. */
    static final String EVENT_AND_SEAT =
            "\"event\":{\"name\":\"Night Sky Tour\",\"venue\":\"Arena\",\"city\":\"Lyon\","
                    + "\"startsAt\":\"2027-05-01T19:30:00Z\"},"
                    + "\"seat\":{\"section\":\"A\",\"row\":\"3\",\"number\":\"14\"}";

    static final String TICKET_WITH_EVENT_REQUEST =
            "{\"title\":\"Floor, standing\",\"price\":80," + EVENT_AND_SEAT + "}";

    /** A free ticket: no orderId. */
    static final String TICKET =
            "{"
                    + TICKET_MEMBERS
                    + ",\"userId\":\""
                    + SELLER_ID
                    + "\",\"version\":0,\"state\":\"on-sale\",\"hasFile\":false}";

    /** A listing with its event and seat. */
    static final String TICKET_WITH_EVENT =
            "{\"id\":\"665f1c5a9b1e8a3d4c5b6a7d\",\"title\":\"Floor, standing\",\"price\":80.00,"
                    + "\"userId\":\""
                    + SELLER_ID
                    + "\",\"version\":0,\"state\":\"on-sale\","
                    + EVENT_AND_SEAT
                    + ",\"hasFile\":false}";

    static final String EDITED_TICKET =
            "{\"id\":\""
                    + TICKET_ID
                    + "\",\"title\":\"Concert, row 5 (aisle)\",\"price\":30.25,\"userId\":\""
                    + SELLER_ID
                    + "\",\"version\":1,\"state\":\"on-sale\",\"hasFile\":false}";

    /** A ticket an order holds: it carries the orderId. */
    static final String RESERVED_TICKET =
            "{"
                    + TICKET_MEMBERS
                    + ",\"userId\":\""
                    + SELLER_ID
                    + "\",\"version\":1,\"orderId\":\""
                    + ORDER_ID
                    + "\",\"state\":\"reserved\",\"hasFile\":false}";

    static final String FREE_TICKETS =
            "[{\"id\":\"665f1c5a9b1e8a3d4c5b6a7c\",\"title\":\"Theatre, stalls B12\","
                    + "\"price\":42.25,\"userId\":\""
                    + SELLER_ID
                    + "\",\"version\":0},"
                    + TICKET
                    + "]";

    /** A sold listing, as its seller's dashboard shows it. */
    static final String SOLD_TICKET =
            "{"
                    + TICKET_MEMBERS
                    + ",\"userId\":\""
                    + SELLER_ID
                    + "\",\"version\":2,\"orderId\":\""
                    + ORDER_ID
                    + "\",\"state\":\"sold\",\"soldAt\":\"2027-02-01T10:15:30.125Z\",\"hasFile\":true}";

    static final String WITHDRAWN_TICKET =
            "{\"id\":\"665f1c5a9b1e8a3d4c5b6a7c\",\"title\":\"Theatre, stalls B12\","
                    + "\"price\":42.25,\"userId\":\""
                    + SELLER_ID
                    + "\",\"version\":1,\"state\":\"withdrawn\",\"hasFile\":false}";

    static final String MY_LISTINGS = "[" + SOLD_TICKET + "," + WITHDRAWN_TICKET + "]";

    static final String WITHDRAW_RESERVED =
            "{\"errors\":[{\"message\":\"Cannot withdraw a reserved ticket\"}]}";
    static final String WITHDRAW_SOLD =
            "{\"errors\":[{\"message\":\"Cannot withdraw a sold ticket\"}]}";

    static final String FILE_REFUSED =
            "{\"errors\":[{\"message\":\"The ticket file is not a valid PDF\"}]}";
    static final String FILE_TYPE =
            "{\"errors\":[{\"message\":\"A ticket file must be application/pdf, image/png or"
                    + " image/jpeg\"}]}";
    static final String FILE_TOO_LARGE = "{\"errors\":[{\"message\":\"Request body too large\"}]}";

    static final String PAGE_INVALID =
            "{\"errors\":["
                    + "{\"message\":\"Limit must be a whole number from 1 to 1000\",\"field\":\"limit\"},"
                    + "{\"message\":\"Offset must be a whole number, 0 or more\",\"field\":\"offset\"}]}";
    static final String SEARCH_INVALID =
            "{\"errors\":["
                    + "{\"message\":\"Sort must be one of newest, cheapest, soonest\",\"field\":\"sort\"},"
                    + "{\"message\":\"Limit must be a whole number from 1 to 100\",\"field\":\"limit\"}]}";
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
    static final String EVENT_IN_PAST =
            "{\"errors\":[{\"message\":\"The event must be in the future\",\"field\":\"event.startsAt\"}]}";
    static final String RESERVED = "{\"errors\":[{\"message\":\"Cannot edit a reserved ticket\"}]}";

    private OpenApiExamples() {}
}
