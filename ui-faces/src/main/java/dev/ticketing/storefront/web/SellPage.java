package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.PayoutTerms;
import dev.ticketing.storefront.client.PayoutsApi;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketDraft;
import dev.ticketing.storefront.client.TicketFiles;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** "Sell a ticket": lists a new ticket and shows it. */
@Named
@RequestScoped
public class SellPage extends TicketForm {

    private static final Logger LOG = Logger.getLogger(SellPage.class.getName());

    @Inject TicketFiles files;

    @Inject @RestClient PayoutsApi payouts;

    private Part file;

    /** Only a signed-in visitor can sell (view action). */
    public void load() {
        if (!currentUser.isSignedIn()) {
            browser.redirectToSignIn();
        }
    }

    @Override
    protected Ticket save(TicketsApi tickets, TicketDraft draft) {
        return tickets.list(draft);
    }

    @Override
    protected String saved() {
        return "Your ticket is on sale.";
    }

    /**
     * The ticket file chosen with the listing, attached once it is listed. A refused file does not
     * undo the listing: the ticket page says why and offers to attach another.
     */
    @Override
    protected void afterSave(Ticket ticket) {
        if (file == null || file.getSize() == 0) {
            return;
        }
        String refused = TicketFileUpload.attach(files, ticket.id(), file);
        if (refused != null) {
            feedback.errorAfterRedirect("The ticket file was not attached: " + refused);
        }
    }

    /**
     * How the seller is paid, from payment-service's terms: "You receive the price less the
     * marketplace's 10% fee, paid out 2 days after the event." A general sentence when the terms
     * are not at hand.
     */
    public String getPayoutNote() {
        try {
            PayoutTerms terms = payouts.terms(null);
            return "You receive the price less the marketplace's "
                    + terms.feePercent()
                    + "% fee, paid out "
                    + after(terms.releaseDelay())
                    + ".";
        } catch (ApiException | ProcessingException e) {
            LOG.log(Level.WARNING, "payout terms unavailable: {0}", e.toString());
            return "You're paid after the event, once someone buys it.";
        }
    }

    /** "2 days after the event", "6 hours after the event", "as soon as the event starts". */
    static String after(String isoDelay) {
        Duration delay;
        try {
            delay = Duration.parse(isoDelay);
        } catch (RuntimeException e) {
            return "after the event";
        }
        if (delay.isZero() || delay.isNegative()) {
            return "as soon as the event starts";
        }
        // The largest unit the delay is a whole number of: 2 days, 90 minutes, 45 seconds.
        for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES)) {
            long whole = delay.toSeconds() / unit.getDuration().toSeconds();
            if (whole > 0 && delay.equals(unit.getDuration().multipliedBy(whole))) {
                return count(whole, unit) + " after the event";
            }
        }
        return count(Math.max(1, delay.toSeconds()), ChronoUnit.SECONDS) + " after the event";
    }

    private static String count(long amount, ChronoUnit unit) {
        String name = unit.toString().toLowerCase(Locale.ROOT); // "Days" -> "days"
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
