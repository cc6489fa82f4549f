package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "My listings", the seller's dashboard: every listing in every state, newest first, with a badge,
 * the sale date of sold ones, and "Withdraw" (after a confirmation) on those still on sale.
 */
@Named
@RequestScoped
public class MyListingsPage {
    private static final Logger LOG = Logger.getLogger(MyListingsPage.class.getName());

    /** Each state's badge: its words and its colour. */
    private static final Map<String, String[]> BADGES =
            Map.of(
                    "on-sale", new String[] {"On sale", "text-bg-success"},
                    "reserved", new String[] {"Reserved", "text-bg-warning"},
                    "sold", new String[] {"Sold", "text-bg-primary"},
                    "withdrawn", new String[] {"Withdrawn", "text-bg-secondary"});

    @Inject @RestClient TicketsApi tickets;

    @Inject CurrentUser currentUser;

    @Inject Browser browser;

    @Inject Feedback feedback;

    @Inject PageLoads loads;

    @Inject
    @ConfigProperty(name = "ticketing.storefront.listings-page-size", defaultValue = "20")
    int pageSize;

    private List<Ticket> mine;
    private boolean loaded;

    /**
     * Listings skipped: the page's URL parameter; anything but a whole number is the first page.
     */
    private String offset;

    private boolean older;

    /** Withdraw's confirmation: the listing asked about. */
    private String id;

    private Ticket asked;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        // One more than the page: whether older listings exist, without a second call.
        List<Ticket> page =
                loads.forMember(
                        "catalog-service",
                        "the seller's listings",
                        () -> tickets.mine(pageSize + 1, skipped()));
        if (page != null) {
            older = page.size() > pageSize;
            mine = older ? page.subList(0, pageSize) : page;
        }
    }

    /**
     * The confirmation page's view action: the listing asked about, if it is the seller's own;
     * otherwise back to the dashboard with the reason.
     */
    public void loadWithdrawal() {
        if (!currentUser.isSignedIn()) {
            browser.redirectToSignIn();
            return;
        }
        try {
            Ticket ticket = tickets.ticket(id == null ? "" : id);
            if (ticket.isOwnedBy(currentUser.getId())) {
                asked = ticket;
                return;
            }
            feedback.errorAfterRedirect(NOT_YOURS);
        } catch (ApiException e) {
            feedback.errorAfterRedirect(
                    e.isNotFound() ? "That listing does not exist." : UNREACHABLE);
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "catalog-service unreachable: {0}", e.toString());
            feedback.errorAfterRedirect(UNREACHABLE);
        }
        browser.redirect("/listings");
    }

    static final String NOT_YOURS = "Only the seller of a listing can withdraw it.";
    static final String UNREACHABLE = "The catalog is unreachable; your listing is unchanged.";

    /** Withdraws the listing asked about; the dashboard then shows it withdrawn. */
    public String withdraw() {
        try {
            tickets.withdraw(id == null ? "" : id);
            feedback.success("Your listing is withdrawn: nobody can buy it any more.");
        } catch (ApiException e) {
            if (e.isUnauthorized() && !currentUser.isSignedIn()) {
                browser.redirectToSignIn();
                return null;
            }
            if (e.isUnauthorized()) {
                feedback.errorAfterRedirect(NOT_YOURS);
                browser.redirect("/listings");
                return null;
            }
            // Reserved or sold since the page was shown: the API's reason, on the dashboard.
            feedback.errorAfterRedirect(
                    e.errors().isEmpty()
                            ? "The listing could not be withdrawn."
                            : e.errors().get(0).message());
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "catalog-service unreachable: {0}", e.toString());
            feedback.errorAfterRedirect(UNREACHABLE);
        }
        browser.redirect("/listings");
        return null;
    }

    public List<Ticket> getListings() {
        load();
        return mine == null ? List.of() : mine;
    }

    /** Nothing listed at all (not merely nothing past the last page). */
    public boolean isNone() {
        load();
        return mine != null && mine.isEmpty() && skipped() == 0;
    }

    private int skipped() {
        try {
            return Math.max(0, Integer.parseInt(offset == null ? "0" : offset.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String getOffset() {
        return offset;
    }

    public void setOffset(String offset) {
        this.offset = offset;
    }

    /** Older listings follow this page. */
    public boolean isOlder() {
        load();
        return older;
    }

    public int getOlderOffset() {
        return skipped() + pageSize;
    }

    /** This is not the first page. */
    public boolean isNewer() {
        return skipped() > 0;
    }

    public int getNewerOffset() {
        return Math.max(0, skipped() - pageSize);
    }

    public String badge(Ticket ticket) {
        return BADGES.getOrDefault(ticket.getState(), BADGES.get("on-sale"))[0];
    }

    public String badgeStyle(Ticket ticket) {
        return BADGES.getOrDefault(ticket.getState(), BADGES.get("on-sale"))[1];
    }

    public Ticket getAsked() {
        return asked;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
