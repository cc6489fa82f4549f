package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketDraft;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Selling a ticket and editing one: a title and a price, validated by catalog-service, whose
 * messages land next to their field. Only "not a number" is the storefront's own check, since such
 * a price cannot even be put into the request.
 */
public abstract class TicketForm {
    static final String FORM = "ticket";
    static final String NOT_A_NUMBER = "Price must be a number, like 25 or 25.50";
    private static final Logger LOG = Logger.getLogger(TicketForm.class.getName());

    @Inject @RestClient TicketsApi tickets;

    @Inject CurrentUser currentUser;

    @Inject Browser browser;

    @Inject Feedback feedback;

    private String title;
    private String price;

    /** Sends the draft to catalog-service: listing it, or editing the ticket. */
    protected abstract Ticket save(TicketsApi tickets, TicketDraft draft);

    protected abstract String saved();

    /**
     * An answer the page explains in its own words rather than the API's; false: show the API's.
     */
    protected boolean explain(ApiException problem) {
        return false;
    }

    public String submit() {
        if (!priceIsReadable()) {
            feedback.fieldError(FORM + ":price", NOT_A_NUMBER);
            return null;
        }
        try {
            Ticket ticket =
                    save(
                            tickets,
                            new TicketDraft(
                                    title == null ? "" : title.strip(), Money.parse(price)));
            feedback.success(saved());
            browser.redirect("/ticket?id=" + Browser.encode(ticket.id()));
        } catch (ApiException e) {
            if (explain(e)) {
                return null;
            }
            if (e.isUnauthorized()) {
                browser.redirectToSignIn();
            } else {
                feedback.show(e, Map.of("title", FORM + ":title", "price", FORM + ":price"));
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "catalog-service unreachable: {0}", e.toString());
            feedback.unreachable();
        }
        return null;
    }

    /** Empty, or a number: anything else cannot be sent as a price. */
    private boolean priceIsReadable() {
        try {
            Money.parse(price);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }
}
