package dev.ticketing.common.openapi;

import dev.ticketing.common.errors.Problems;

/**
 * The OpenAPI examples more than one service shows, written once: the errors every API answers
 * with, and the ticket and order that the catalog, order, payment and timer examples all speak of
 * (one ticket at one price, one order holding it). Constants, as annotations need them; a service's
 * own examples build on these.
 */
public final class SharedExamples {

    /** 401 from any route: not signed in, or not the owner. */
    public static final String NOT_AUTHORIZED =
            "{\"errors\":[{\"message\":\"" + Problems.NOT_AUTHORIZED + "\"}]}";

    /** 404 from any route: unknown or malformed id. */
    public static final String NOT_FOUND =
            "{\"errors\":[{\"message\":\"" + Problems.NOT_FOUND + "\"}]}";

    /** 400 for a request body that is not the JSON the route reads. */
    public static final String MALFORMED_JSON =
            "{\"errors\":[{\"message\":\"" + Problems.MALFORMED_JSON + "\"}]}";

    /** The seller who listed {@link #TICKET_ID}. */
    public static final String SELLER_ID = "7b2e4d10-5c3a-4f8e-9d61-0a4b8c2e6f13";

    /** The buyer who ordered it. */
    public static final String BUYER_ID = "3f1c2a9e-8d4b-4c1e-9a57-2b6f0d1e4c88";

    public static final String TICKET_ID = "665f1c2e9b1e8a3d4c5b6a79";
    public static final String TICKET_TITLE = "Concert, row 5";

    /** The ticket's price, as JSON shows it (2575 cents when paid for). */
    public static final String TICKET_PRICE = "25.75";

    /** The order that holds {@link #TICKET_ID}. */
    public static final String ORDER_ID = "665f1d409b1e8a3d4c5b6a80";

    /** When the order's hold ends (and its timer fires). */
    public static final String ORDER_EXPIRES_AT = "2026-03-01T12:45:00.512Z";

    /** The ticket's id, title and price as JSON members, for the objects that show it. */
    public static final String TICKET_MEMBERS =
            "\"id\":\""
                    + TICKET_ID
                    + "\",\"title\":\""
                    + TICKET_TITLE
                    + "\",\"price\":"
                    + TICKET_PRICE;

    private SharedExamples() {}
}
