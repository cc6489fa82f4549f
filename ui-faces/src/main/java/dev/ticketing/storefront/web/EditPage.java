package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketDraft;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.RoundingMode;

/**
 * "Edit my ticket": the selling form filled with the ticket. A ticket that an order holds cannot be
 * edited (docs/api.md), and the page says so before the seller types anything; if a buyer reserves
 * it while the seller edits, the refusal reads the same way.
 */
@Named
@RequestScoped
public class EditPage extends TicketForm {
    static final String RESERVED =
            "A buyer has reserved this ticket, so it can't be edited right now. "
                    + "If their order expires or is cancelled, you can edit it again.";
    static final String NOT_YOURS = "Only the seller of a ticket can edit it.";
    static final String GONE = "This ticket is sold or withdrawn, so it can't be edited.";

    private String id;
    private Ticket ticket;
    private boolean notFound;
    private boolean refused;

    @Inject PageLoads loads;

    /** View action on the first visit: the ticket, and whether this visitor may edit it now. */
    public void load() {
        ticket =
                loads.forMember(
                        "catalog-service",
                        "ticket " + id + " to edit",
                        () -> tickets.ticket(id == null ? "" : id),
                        loads.notFound(() -> notFound = true));
        if (ticket == null) {
            refused = !notFound;
            return;
        }
        if (!ticket.isOwnedBy(currentUser.getId())) {
            feedback.error(NOT_YOURS);
            refused = true;
            return;
        }
        setTitle(ticket.title());
        setPrice(
                ticket.price() == null
                        ? ""
                        : ticket.price().setScale(2, RoundingMode.HALF_UP).toPlainString());
        if ("sold".equals(ticket.getState()) || "withdrawn".equals(ticket.getState())) {
            feedback.error(GONE);
            refused = true;
        } else if (ticket.isReserved()) {
            feedback.error(RESERVED);
            refused = true;
        }
    }

    @Override
    protected Ticket save(TicketsApi tickets, TicketDraft draft) {
        return tickets.edit(id, draft);
    }

    @Override
    protected boolean explain(ApiException problem) {
        if (problem.says("Cannot edit a reserved ticket")) {
            feedback.error(RESERVED);
            refused = true;
            return true;
        }
        if (problem.isUnauthorized() && currentUser.isSignedIn()) {
            feedback.error(NOT_YOURS);
            refused = true;
            return true;
        }
        if (problem.isNotFound()) {
            feedback.error("This ticket no longer exists.");
            refused = true;
            return true;
        }
        return false;
    }

    @Override
    protected String saved() {
        return "Your ticket is updated.";
    }

    public boolean isNotFound() {
        return notFound;
    }

    /** The form is shown but cannot be sent: the ticket is reserved, or not this visitor's. */
    public boolean isRefused() {
        return refused;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
