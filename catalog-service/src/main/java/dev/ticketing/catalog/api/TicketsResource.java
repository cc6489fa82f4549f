package dev.ticketing.catalog.api;

import dev.ticketing.catalog.application.TicketCatalog;
import dev.ticketing.catalog.application.TicketSearch;
import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.catalog.domain.TicketFile;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.errors.UnsupportedTypeException;
import dev.ticketing.common.openapi.ApiDocs;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /api/tickets: list, show, sell, edit and withdraw tickets, and a seller's listings. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Tickets for sale")
public class TicketsResource implements TicketsApi {
    @Inject TicketCatalog catalog;

    @Inject JsonWebToken caller;

    @Context UriInfo uriInfo;

    @GET
    @PermitAll
    @Operation(
            summary =
                    "Tickets for sale, newest first; with any search parameter, a search paged by"
                            + " the Link header's cursor")
    @APIResponse(responseCode = "200", ref = CatalogApiDocs.FREE)
    @APIResponse(responseCode = "400", ref = CatalogApiDocs.PAGING_INVALID)
    public Response free(@BeanParam ListingQuery query) {
        if (!query.isSearch()) {
            ListingQuery.Page page = query.page();
            return Response.ok(listOf(catalog.free(page.offset(), page.limit()))).build();
        }
        TicketSearch search = query.search();
        TicketSearch.Page found = catalog.search(search);
        Response.ResponseBuilder ok = Response.ok(listOf(found.tickets()));
        if (found.next() != null) {
            ok.header("Link", "<" + nextPage(found.next(), search) + ">; rel=\"next\"");
        }
        return ok.build();
    }

    /**
     * This request's path and query with the next page's cursor, written by hand from the raw
     * request (a query holding characters such as "{" is copied as sent, never parsed as a
     * template). Relative: right behind any proxy or front that serves /api/tickets.
     */
    private String nextPage(TicketSearch.Position next, TicketSearch search) {
        URI request = uriInfo.getRequestUri();
        StringBuilder query = new StringBuilder();
        for (String parameter : request.getRawQuery().split("&")) {
            if (!parameter.isEmpty() && !parameter.startsWith("cursor=")) {
                query.append(parameter).append('&');
            }
        }
        query.append("cursor=").append(ListingQuery.cursorOf(search.order(), next));
        return request.getRawPath() + "?" + query;
    }

    private static GenericEntity<List<TicketResponse>> listOf(List<Ticket> tickets) {
        return new GenericEntity<>(tickets.stream().map(TicketResponse::of).toList()) {};
    }

    @GET
    @Path("mine")
    @RolesAllowed("user")
    @Operation(summary = "The caller's listings in any state, newest first")
    @APIResponse(responseCode = "200", ref = CatalogApiDocs.MINE)
    @APIResponse(responseCode = "400", ref = CatalogApiDocs.PAGING_INVALID)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    public List<TicketResponse> mine(
            @Parameter(description = "Page size, 1 to 1000 (default 1000)", example = "20")
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Listings to skip (default 0)", example = "0")
                    @QueryParam("offset")
                    String offset) {
        ListingQuery.Page page = ListingQuery.page(limit, offset).page();
        return catalog.listedBy(caller.getSubject(), page.offset(), page.limit()).stream()
                .map(listing -> TicketResponse.of(listing.ticket(), listing.payout()))
                .toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One ticket, reserved or not")
    @APIResponse(responseCode = "200", ref = CatalogApiDocs.SHOWN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public TicketResponse one(@PathParam("id") String id) {
        return catalog.find(id).map(TicketResponse::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @RolesAllowed("user")
    @Operation(summary = "List a ticket for sale (version 0)")
    @RequestBody(ref = CatalogApiDocs.NEW)
    @APIResponse(responseCode = "201", ref = CatalogApiDocs.LISTED)
    @APIResponse(responseCode = "400", ref = CatalogApiDocs.INVALID)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    public Response sell(TicketRequest body) {
        TicketRequest.validate(body, false);
        TicketResponse created =
                TicketResponse.of(
                        catalog.list(
                                caller.getSubject(),
                                body.cleanTitle(),
                                body.priceValue(),
                                body.eventValue(),
                                body.seatValue()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("user")
    @Operation(summary = "Edit a ticket: its seller only, while it is not reserved (version + 1)")
    @RequestBody(ref = CatalogApiDocs.CHANGES)
    @APIResponse(responseCode = "200", ref = CatalogApiDocs.EDITED)
    @APIResponse(responseCode = "400", ref = CatalogApiDocs.EDIT_REFUSED)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public TicketResponse edit(@PathParam("id") String id, TicketRequest body) {
        TicketRequest.validate(body, true);
        return TicketResponse.of(
                catalog.edit(
                        id,
                        caller.getSubject(),
                        body.cleanTitle(),
                        body.priceValue(),
                        body.eventValue(),
                        body.seatValue()));
    }

    @PUT
    @Path("{id}/file")
    @RolesAllowed("user")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "Attach the ticket itself: its seller only, while it is on sale or reserved;"
                            + " the raw body, a PDF, PNG or JPEG of at most 5 MiB")
    @RequestBody(ref = CatalogApiDocs.FILE_BODY)
    @APIResponse(responseCode = "204", ref = CatalogApiDocs.FILE_ATTACHED)
    @APIResponse(responseCode = "400", ref = CatalogApiDocs.FILE_REFUSED)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = CatalogApiDocs.FILE_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CatalogApiDocs.FILE_TYPE)
    public Response attachFile(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] content) {
        TicketFile.Type fileType =
                TicketFile.Type.ofMediaType(type)
                        .orElseThrow(
                                () ->
                                        new UnsupportedTypeException(
                                                "A ticket file must be application/pdf, image/png"
                                                        + " or image/jpeg"));
        catalog.attach(id, caller.getSubject(), fileType, content == null ? new byte[0] : content);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/file")
    @RolesAllowed("user")
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary =
                    "The ticket itself: for its seller, and for the buyer once the order is"
                            + " complete")
    @APIResponse(responseCode = "200", ref = CatalogApiDocs.FILE)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response file(@PathParam("id") String id) {
        TicketCatalog.Download download = catalog.download(id, caller.getSubject());
        TicketFile.Type type = download.file().type();
        return Response.ok(download.content(), type.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"ticket-" + id + "." + type.extension() + "\"")
                // A ticket is a bearer document: no shared or disk cache keeps a copy.
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("user")
    @Operation(
            summary =
                    "Withdraw a listing: its seller only, while it is on sale; never listed or"
                            + " orderable again")
    @APIResponse(responseCode = "204", ref = CatalogApiDocs.WITHDRAWN)
    @APIResponse(responseCode = "400", ref = CatalogApiDocs.WITHDRAW_REFUSED)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response withdraw(@PathParam("id") String id) {
        catalog.withdraw(id, caller.getSubject());
        return Response.noContent().build();
    }
}
