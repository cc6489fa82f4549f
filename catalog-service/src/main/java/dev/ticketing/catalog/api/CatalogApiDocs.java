package dev.ticketing.catalog.api;

import static dev.ticketing.catalog.api.OpenApiExamples.EDITED_TICKET;
import static dev.ticketing.catalog.api.OpenApiExamples.EDIT_PRICE_MISSING;
import static dev.ticketing.catalog.api.OpenApiExamples.EDIT_REQUEST;
import static dev.ticketing.catalog.api.OpenApiExamples.EVENT_IN_PAST;
import static dev.ticketing.catalog.api.OpenApiExamples.FRACTIONAL_CENTS;
import static dev.ticketing.catalog.api.OpenApiExamples.FREE_TICKETS;
import static dev.ticketing.catalog.api.OpenApiExamples.MY_LISTINGS;
import static dev.ticketing.catalog.api.OpenApiExamples.PAGE_INVALID;
import static dev.ticketing.catalog.api.OpenApiExamples.PRICE_TOO_HIGH;
import static dev.ticketing.catalog.api.OpenApiExamples.RESERVED;
import static dev.ticketing.catalog.api.OpenApiExamples.RESERVED_TICKET;
import static dev.ticketing.catalog.api.OpenApiExamples.SEARCH_INVALID;
import static dev.ticketing.catalog.api.OpenApiExamples.TICKET;
import static dev.ticketing.catalog.api.OpenApiExamples.TICKET_REQUEST;
import static dev.ticketing.catalog.api.OpenApiExamples.TICKET_WITH_EVENT;
import static dev.ticketing.catalog.api.OpenApiExamples.TICKET_WITH_EVENT_REQUEST;
import static dev.ticketing.catalog.api.OpenApiExamples.TITLE_AND_PRICE_MISSING;
import static dev.ticketing.catalog.api.OpenApiExamples.WITHDRAW_RESERVED;
import static dev.ticketing.catalog.api.OpenApiExamples.WITHDRAW_SOLD;
import static dev.ticketing.common.openapi.SharedExamples.MALFORMED_JSON;

import dev.ticketing.common.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** What the ticket routes take and answer (docs/api.md, catalog-service), named for the routes. */
public class CatalogApiDocs extends ApiDocs {
    static final String FREE = "FreeTickets";
    static final String PAGING_INVALID = "TicketPagingInvalid";
    static final String SHOWN = "TicketShown";
    static final String NEW = "NewTicket";
    static final String LISTED = "TicketListed";
    static final String INVALID = "TicketInvalid";
    static final String CHANGES = "TicketChanges";
    static final String EDITED = "TicketEdited";
    static final String EDIT_REFUSED = "TicketEditRefused";
    static final String MINE = "SellerListings";
    static final String WITHDRAWN = "TicketWithdrawn";
    static final String WITHDRAW_REFUSED = "TicketWithdrawRefused";
    static final String FILE_ATTACHED = "TicketFileAttached";
    static final String FILE_REFUSED = "TicketFileRefused";
    static final String FILE_TOO_LARGE = "TicketFileTooLarge";
    static final String FILE_TYPE = "TicketFileType";
    static final String FILE = "TicketFile";
    static final String FILE_BODY = "TicketFileContent";

    private static final String[] TICKET_FILE_TYPES = {
        "application/pdf", "image/png", "image/jpeg"
    };

    public CatalogApiDocs() {
        super(
                "catalog-service",
                "Tickets for sale: list, create, edit, withdraw; reservations and sales follow order"
                        + " events.");
    }

    @Override
    protected void describe(Components components) {
        components
                .addResponse(
                        FREE,
                        reply(
                                        "The page of tickets on sale; in a search, the next page's"
                                                + " URL is in the Link header while there is one",
                                        listOf(TicketResponse.class),
                                        example("free tickets", FREE_TICKETS),
                                        example("none for sale", "[]"))
                                .addHeader(
                                        "Link",
                                        header(
                                                "In a search with more results: </api/tickets?..."
                                                        + "&cursor=...>; rel=\"next\"",
                                                SchemaType.STRING)))
                .addResponse(
                        PAGING_INVALID,
                        error(
                                "A parameter is not valid (its name is the field): limit, offset,"
                                        + " q, city, from, to, minPrice, maxPrice, sort, cursor",
                                example("invalid paging", PAGE_INVALID),
                                example("invalid search", SEARCH_INVALID)))
                .addResponse(
                        SHOWN,
                        reply(
                                "The ticket; orderId only while an order holds it",
                                schema(TicketResponse.class),
                                example("free", TICKET),
                                example("with event and seat", TICKET_WITH_EVENT),
                                example("reserved", RESERVED_TICKET)))
                .addRequestBody(
                        NEW,
                        body(
                                schema(TicketRequest.class),
                                example("new ticket", TICKET_REQUEST),
                                example("with event and seat", TICKET_WITH_EVENT_REQUEST)))
                .addResponse(
                        LISTED,
                        reply(
                                "The new ticket",
                                schema(TicketResponse.class),
                                example("listed", TICKET),
                                example("with event and seat", TICKET_WITH_EVENT)))
                .addResponse(
                        INVALID,
                        error(
                                "Title is required; Price must be greater than 0; at most 2 decimal"
                                        + " places; the event's four fields are required and it must"
                                        + " start in the future; every text has a maximum length",
                                example("title and price missing", TITLE_AND_PRICE_MISSING),
                                example("fraction of a cent", FRACTIONAL_CENTS),
                                example("event in the past", EVENT_IN_PAST),
                                example("price too high", PRICE_TOO_HIGH),
                                example("malformed JSON", MALFORMED_JSON)))
                .addRequestBody(
                        CHANGES,
                        body(
                                schema(TicketRequest.class),
                                example("new title and price", EDIT_REQUEST)))
                .addResponse(
                        EDITED,
                        reply(
                                "The edited ticket",
                                schema(TicketResponse.class),
                                example("edited", EDITED_TICKET)))
                .addResponse(
                        EDIT_REFUSED,
                        error(
                                "Validation (checked first), or Cannot edit a reserved ticket",
                                example("price missing", EDIT_PRICE_MISSING),
                                example("fraction of a cent", FRACTIONAL_CENTS),
                                example("reserved", RESERVED),
                                example("malformed JSON", MALFORMED_JSON)))
                .addResponse(
                        MINE,
                        reply(
                                "The caller's listings in any state, newest first; soldAt on sold"
                                        + " ones",
                                listOf(TicketResponse.class),
                                example("sold and withdrawn", MY_LISTINGS),
                                example("nothing listed yet", "[]")))
                .addResponse(
                        WITHDRAWN,
                        empty(
                                "Withdrawn (no body); withdrawing a withdrawn listing again is 204 too"))
                .addResponse(
                        WITHDRAW_REFUSED,
                        error(
                                "Cannot withdraw a reserved ticket, or a sold one",
                                example("reserved", WITHDRAW_RESERVED),
                                example("sold", WITHDRAW_SOLD)))
                .addResponse(
                        FILE_ATTACHED,
                        empty("Attached (no body); it replaces any earlier file of the listing"))
                .addResponse(
                        FILE_REFUSED,
                        error(
                                "An empty file, content that is not what its type says, or a"
                                        + " listing that is sold or withdrawn",
                                example("disguised or damaged", OpenApiExamples.FILE_REFUSED)))
                .addResponse(
                        FILE_TOO_LARGE,
                        error(
                                "Larger than 5 MiB",
                                example("too large", OpenApiExamples.FILE_TOO_LARGE)))
                .addResponse(
                        FILE_TYPE,
                        error(
                                "Not a PDF, PNG or JPEG",
                                example("a Word document", OpenApiExamples.FILE_TYPE)))
                .addResponse(
                        FILE,
                        file(
                                "The ticket file, with its type, as an attachment; never cached",
                                TICKET_FILE_TYPES))
                .addRequestBody(
                        FILE_BODY,
                        fileBody(
                                "The ticket itself, raw, at most 5 MiB: its Content-Type says what"
                                        + " it is, and its bytes must agree",
                                TICKET_FILE_TYPES));
    }
}
