package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The home page: the tickets for sale, newest first (catalog-service's order), a page at a time.
 * Each page asks for one ticket more than it shows, to know whether an older page exists.
 */
@Named
@RequestScoped
public class HomePage {
    private static final Logger LOG = Logger.getLogger(HomePage.class.getName());

    @Inject @RestClient TicketsApi tickets;

    @Inject Feedback feedback;

    @Inject
    @ConfigProperty(name = "ticketing.storefront.page-size", defaultValue = "12")
    int pageSize;

    private String page;
    private List<Ticket> shown;
    private boolean older;
    private boolean loaded;

    /** Loads the page's tickets once per request (view action). */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            List<Ticket> fetched = tickets.forSale(pageSize + 1, (getPageNumber() - 1) * pageSize);
            older = fetched.size() > pageSize;
            shown = older ? fetched.subList(0, pageSize) : fetched;
        } catch (ProcessingException | ApiException e) {
            LOG.log(Level.WARNING, "catalog-service did not list the tickets: {0}", e.toString());
            feedback.unreachable();
        }
    }

    public List<Ticket> getTickets() {
        load();
        return shown == null ? List.of() : shown;
    }

    /** Nothing for sale (and the catalog answered): the page invites the visitor to sell. */
    public boolean isNoTickets() {
        load();
        return shown != null && shown.isEmpty() && getPageNumber() == 1;
    }

    /** Past the last page (an old link): offer the way back instead of an empty grid. */
    public boolean isPastTheEnd() {
        load();
        return shown != null && shown.isEmpty() && getPageNumber() > 1;
    }

    /** The requested page; a missing or nonsensical ?page= is the first page, not an error. */
    public int getPageNumber() {
        try {
            int requested = page == null ? 1 : Integer.parseInt(page.strip());
            return Math.max(1, Math.min(requested, 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public boolean isNewer() {
        return getPageNumber() > 1;
    }

    public boolean isOlder() {
        load();
        return older;
    }

    public boolean isPaged() {
        return isNewer() || isOlder();
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
