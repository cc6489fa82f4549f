package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.NewOrder;
import dev.ticketing.storefront.client.Order;
import dev.ticketing.storefront.client.OrdersApi;
import dev.ticketing.storefront.client.PayoutTerms;
import dev.ticketing.storefront.client.PayoutsApi;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketFiles;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.ProcessingException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One ticket: its details, and "Purchase" for anyone but its seller, who gets "Edit" instead.
 * Purchasing creates the order (which holds the ticket for a limited time) and goes to it.
 */
@Named
@RequestScoped
public class TicketPage {
    static final String RESERVED =
            "Someone else has reserved this ticket. "
                    + "If they don't pay in time it comes back on sale, so check again later.";
    private static final Logger LOG = Logger.getLogger(TicketPage.class.getName());

    @Inject @RestClient TicketsApi tickets;

    @Inject @RestClient OrdersApi orders;

    @Inject TicketFiles files;

    @Inject @RestClient PayoutsApi payouts;

    @Inject CurrentUser currentUser;

    @Inject Browser browser;

    @Inject Feedback feedback;

    @Inject PageLoads loads;

    private String id;
    private Ticket ticket;
    private boolean loaded;
    private boolean notFound;
    private boolean reservedByOther;
    private Part file;
    private PayoutTerms sellerTerms;
    private boolean sellerTermsLoaded;

    /** Loads the ticket once per request (the view action, or the first getter on a postback). */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        ticket =
                loads.forAnyone(
                        "catalog-service",
                        "ticket " + id,
                        () -> tickets.ticket(id == null ? "" : id),
                        loads.notFound(() -> notFound = true));
    }

    public String purchase() {
        if (!currentUser.isSignedIn()) {
            browser.redirectToSignIn();
            return null;
        }
        try {
            Order order = orders.reserve(new NewOrder(id));
            feedback.success(
                    "The ticket is yours for now: pay before the time runs out to keep it.");
            browser.redirect("/order?id=" + Browser.encode(order.id()));
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                browser.redirectToSignIn();
            } else if (e.says("Ticket is already reserved")) {
                // Shown in the ticket's own card, where the Purchase button was.
                reservedByOther = true;
            } else if (e.isNotFound()) {
                feedback.error("This ticket is no longer for sale.");
            } else {
                feedback.show(e, Map.of());
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "order-service unreachable: {0}", e.toString());
            feedback.unreachable();
        }
        return null;
    }

    /**
     * The seller attaches the ticket itself (or replaces it); catalog-service checks the file and
     * says what is wrong with it.
     */
    public String attachFile() {
        if (!currentUser.isSignedIn()) {
            browser.redirectToSignIn();
            return null;
        }
        String refused = TicketFileUpload.attach(files, id, file);
        if (refused != null) {
            feedback.error(refused);
            return null;
        }
        feedback.success("The ticket is attached. The buyer can download it as soon as they pay.");
        browser.redirect("/ticket?id=" + Browser.encode(id));
        return null;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public Ticket getTicket() {
        load();
        return ticket;
    }

    public boolean isNotFound() {
        load();
        return notFound;
    }

    /**
     * For the seller of a listing still for sale: the fee on its price and what they receive when
     * it sells (payment-service's terms); null when not the seller's or the terms are not at hand.
     */
    public PayoutTerms getSellerTerms() {
        if (!sellerTermsLoaded) {
            sellerTermsLoaded = true;
            if (isOwner() && !isGone() && ticket.getPrice() != null) {
                try {
                    sellerTerms = payouts.terms(ticket.getPrice().toPlainString());
                } catch (ApiException | ProcessingException e) {
                    // Only a hint beside the listing: the page goes on without it.
                    LOG.log(Level.WARNING, "payout terms unavailable: {0}", e.toString());
                }
            }
        }
        return sellerTerms;
    }

    public boolean isOwner() {
        return getTicket() != null && ticket.isOwnedBy(currentUser.getId());
    }

    /** Held by an order: per the catalog, or as order-service just told a would-be buyer. */
    public boolean isReserved() {
        return reservedByOther || (getTicket() != null && "reserved".equals(ticket.getState()));
    }

    /** Sold, or taken down by its seller: gone for good, so the page says so instead of "buy". */
    public boolean isGone() {
        return getTicket() != null
                && ("sold".equals(ticket.getState()) || "withdrawn".equals(ticket.getState()));
    }

    public String getGoneNotice() {
        return "sold".equals(ticket.getState())
                ? "This ticket has been sold."
                : "The seller has withdrawn this ticket: it is no longer for sale.";
    }

    /** Purchase is offered to signed-in visitors who don't own the ticket, while it is on sale. */
    public boolean isPurchasable() {
        return getTicket() != null && !isOwner() && !isReserved() && !isGone();
    }

    public String getReservedNotice() {
        return RESERVED;
    }

    public String getSignInToBuyUrl() {
        return "/signin?next=" + Browser.encode("/ticket?id=" + (id == null ? "" : id));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
