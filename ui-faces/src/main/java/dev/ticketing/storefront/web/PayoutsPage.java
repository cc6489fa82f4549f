package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.PayoutAccount;
import dev.ticketing.storefront.client.Payouts;
import dev.ticketing.storefront.client.PayoutsApi;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Payouts": what the signed-in seller is paid for their sales (docs/api.md, "Delivery and
 * payouts"), each with the price, the marketplace's fee, the net, its status and release date, the
 * totals pending and paid, and the Stripe account payouts go to.
 */
@Named
@RequestScoped
public class PayoutsPage {
    private static final Logger LOG = Logger.getLogger(PayoutsPage.class.getName());

    /** The most listings the catalog gives in one page (docs/api.md, GET /api/tickets/mine). */
    private static final int MAX_LISTINGS = 1000;

    @Inject @RestClient PayoutsApi payouts;

    @Inject @RestClient TicketsApi tickets;

    @Inject Browser browser;

    @Inject Feedback feedback;

    @Inject PageLoads loads;

    private Payouts mine;
    private Map<String, String> titles;
    private boolean loaded;
    private String accountId;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        mine = loads.forMember("payment-service", "the seller's payouts", payouts::mine);
    }

    /** Names the seller's connected account; its problems go next to the field. */
    public String saveAccount() {
        try {
            payouts.setAccount(new PayoutAccount(accountId == null ? "" : accountId.strip()));
            feedback.success("Your payouts will be transferred to " + accountId.strip() + ".");
            browser.redirect("/payouts");
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                browser.redirectToSignIn();
            } else {
                feedback.show(e, Map.of("accountId", "account:accountId"));
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "payment-service unreachable: {0}", e.toString());
            feedback.unreachable();
        }
        return null;
    }

    public List<Payouts.Payout> getPayouts() {
        load();
        return mine == null ? List.of() : mine.getPayouts();
    }

    /** The API answered and there are none (not: the API is away). */
    public boolean isNone() {
        load();
        return mine != null && getPayouts().isEmpty();
    }

    public boolean isLoaded() {
        load();
        return mine != null;
    }

    public Payouts getTotals() {
        load();
        return mine;
    }

    /** The account payouts go to now, or null. */
    public String getAccount() {
        load();
        return mine == null ? null : mine.account();
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    /**
     * The title of the listing a payout is for, from the seller's own listings (one call per page);
     * a plain label when the catalog cannot say.
     */
    public String titleOf(String ticketId) {
        if (titles == null) {
            titles = new HashMap<>();
            try {
                for (Ticket t : tickets.mine(MAX_LISTINGS, 0)) {
                    titles.put(t.id(), t.title());
                }
            } catch (ApiException | ProcessingException e) {
                LOG.log(
                        Level.WARNING,
                        "catalog-service did not name the listings: {0}",
                        e.toString());
            }
        }
        return titles.getOrDefault(ticketId, "Your ticket");
    }

    /**
     * The API's ISO-8601 instant, for the page's date formatting; null when absent or malformed.
     */
    public Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The status in the seller's words. */
    public String statusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "pending" -> "Pending";
            case "paid" -> "Paid";
            case "cancelled" -> "Cancelled (refunded)";
            default -> status;
        };
    }

    /** The badge's colour for a status. */
    public String statusStyle(String status) {
        return switch (status == null ? "" : status) {
            case "paid" -> "text-bg-success";
            case "cancelled" -> "text-bg-secondary";
            default -> "text-bg-warning";
        };
    }
}
