package dev.ticketing.catalog.api;

import static dev.ticketing.catalog.api.OpenApiExamples.EDITED_TICKET;
import static dev.ticketing.catalog.api.OpenApiExamples.EDIT_PRICE_MISSING;
import static dev.ticketing.catalog.api.OpenApiExamples.EDIT_REQUEST;
import static dev.ticketing.catalog.api.OpenApiExamples.FRACTIONAL_CENTS;
import static dev.ticketing.catalog.api.OpenApiExamples.FREE_TICKETS;
import static dev.ticketing.catalog.api.OpenApiExamples.PAGE_INVALID;
import static dev.ticketing.catalog.api.OpenApiExamples.PRICE_TOO_HIGH;
import static dev.ticketing.catalog.api.OpenApiExamples.RESERVED;
import static dev.ticketing.catalog.api.OpenApiExamples.RESERVED_TICKET;
import static dev.ticketing.catalog.api.OpenApiExamples.TICKET;
import static dev.ticketing.catalog.api.OpenApiExamples.TICKET_REQUEST;
import static dev.ticketing.catalog.api.OpenApiExamples.TITLE_AND_PRICE_MISSING;
import static dev.ticketing.common.openapi.SharedExamples.MALFORMED_JSON;

import dev.ticketing.catalog.application.TicketCatalog;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.openapi.SharedResponses;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /api/tickets: list, show, sell and edit tickets. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Tickets for sale")
public class TicketsResource implements TicketsApi {
    /** The list's page size when none is asked for, and the most one page holds. */
    static final int MAX_PAGE = 1000;

    @Inject TicketCatalog catalog;

    @Inject JsonWebToken caller;

    @GET
    @PermitAll
    @Operation(summary = "Tickets for sale (not reserved), newest first")
    @APIResponse(
            responseCode = "200",
            description = "The page of free tickets",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = TicketResponse.class),
                            examples = {
                                @ExampleObject(name = "free tickets", value = FREE_TICKETS),
                                @ExampleObject(name = "none for sale", value = "[]")
                            }))
    @APIResponse(
            responseCode = "400",
            description = "limit not 1..1000 or offset negative",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(name = "invalid paging", value = PAGE_INVALID)))
    public List<TicketResponse> free(
            @Parameter(description = "Page size, 1 to 1000 (default 1000)", example = "20")
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Tickets to skip (default 0)", example = "0")
                    @QueryParam("offset")
                    String offset) {
        Integer size = whole(limit);
        Integer skip = whole(offset);
        ValidationFailure.builder()
                .addIf(
                        limit != null && (size == null || size < 1 || size > MAX_PAGE),
                        "limit",
                        "Limit must be a whole number from 1 to " + MAX_PAGE)
                .addIf(
                        offset != null && (skip == null || skip < 0),
                        "offset",
                        "Offset must be a whole number, 0 or more")
                .throwIfAny();
        return catalog.free(skip == null ? 0 : skip, size == null ? MAX_PAGE : size).stream()
                .map(TicketResponse::of)
                .toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One ticket, reserved or not")
    @APIResponse(
            responseCode = "200",
            description = "The ticket; orderId only while an order holds it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketResponse.class),
                            examples = {
                                @ExampleObject(name = "free", value = TICKET),
                                @ExampleObject(name = "reserved", value = RESERVED_TICKET)
                            }))
    @APIResponse(responseCode = "404", ref = SharedResponses.NOT_FOUND)
    public TicketResponse one(@PathParam("id") String id) {
        return catalog.find(id).map(TicketResponse::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @RolesAllowed("user")
    @Operation(summary = "List a ticket for sale (version 0)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketRequest.class),
                            examples = @ExampleObject(name = "new ticket", value = TICKET_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "The new ticket",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketResponse.class),
                            examples = @ExampleObject(name = "listed", value = TICKET)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Title is required; Price must be greater than 0; at most 2 decimal places",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(
                                        name = "title and price missing",
                                        value = TITLE_AND_PRICE_MISSING),
                                @ExampleObject(
                                        name = "fraction of a cent",
                                        value = FRACTIONAL_CENTS),
                                @ExampleObject(name = "price too high", value = PRICE_TOO_HIGH),
                                @ExampleObject(name = "malformed JSON", value = MALFORMED_JSON)
                            }))
    @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)
    public Response sell(TicketRequest body) {
        TicketRequest.validate(body, false);
        TicketResponse created =
                TicketResponse.of(
                        catalog.list(caller.getSubject(), body.cleanTitle(), body.priceValue()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("user")
    @Operation(summary = "Edit a ticket: its seller only, while it is not reserved (version + 1)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "new title and price",
                                            value = EDIT_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The edited ticket",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketResponse.class),
                            examples = @ExampleObject(name = "edited", value = EDITED_TICKET)))
    @APIResponse(
            responseCode = "400",
            description = "Validation (checked first), or Cannot edit a reserved ticket",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "price missing", value = EDIT_PRICE_MISSING),
                                @ExampleObject(
                                        name = "fraction of a cent",
                                        value = FRACTIONAL_CENTS),
                                @ExampleObject(name = "reserved", value = RESERVED),
                                @ExampleObject(name = "malformed JSON", value = MALFORMED_JSON)
                            }))
    @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = SharedResponses.NOT_FOUND)
    public TicketResponse edit(@PathParam("id") String id, TicketRequest body) {
        TicketRequest.validate(body, true);
        return TicketResponse.of(
                catalog.edit(id, caller.getSubject(), body.cleanTitle(), body.priceValue()));
    }

    private static Integer whole(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
