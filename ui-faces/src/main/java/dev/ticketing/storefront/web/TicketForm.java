package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketDraft;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Selling a ticket and editing one: a title and a price, and when selling the event and the seat,
 * validated by catalog-service, whose messages land next to their field. Only what cannot even be
 * put into the request is the storefront's own check: a price that is not a number, a start that is
 * not a date and time. The start is typed in the seller's time zone (local-time.js names it in a
 * hidden field; UTC without JavaScript) and sent as an instant.
 */
public abstract class TicketForm {
    static final String FORM = "ticket";
    static final String NOT_A_NUMBER = "Price must be a number, like 25 or 25.50";
    static final String NOT_A_START = "Enter the date and time the event starts";

    /** The API's fields and the inputs that show their messages. */
    static final Map<String, String> FIELDS =
            Map.of(
                    "title", FORM + ":title",
                    "price", FORM + ":price",
                    "event.name", FORM + ":eventName",
                    "event.venue", FORM + ":venue",
                    "event.city", FORM + ":city",
                    "event.startsAt", FORM + ":startsAt",
                    "seat.section", FORM + ":section",
                    "seat.row", FORM + ":row",
                    "seat.number", FORM + ":seatNumber");

    private static final Logger LOG = Logger.getLogger(TicketForm.class.getName());

    @Inject @RestClient TicketsApi tickets;

    @Inject CurrentUser currentUser;

    @Inject Browser browser;

    @Inject Feedback feedback;

    private String title;
    private String price;
    private String eventName;
    private String venue;
    private String city;
    private String startsAt;
    private String timeZone;
    private String section;
    private String row;
    private String seatNumber;

    /** Sends the draft to catalog-service: listing it, or editing the ticket. */
    protected abstract Ticket save(TicketsApi tickets, TicketDraft draft);

    protected abstract String saved();

    /** What else the form does once the ticket is saved, before the ticket page shows it. */
    protected void afterSave(Ticket ticket) {}

    /**
     * An answer the page explains in its own words rather than the API's; false: show the API's.
     */
    protected boolean explain(ApiException problem) {
        return false;
    }

    public String submit() {
        boolean readable = true;
        if (!priceIsReadable()) {
            feedback.fieldError(FORM + ":price", NOT_A_NUMBER);
            readable = false;
        }
        Optional<Instant> start = EventStart.parse(startsAt, timeZone);
        if (!blank(startsAt) && start.isEmpty()) {
            feedback.fieldError(FORM + ":startsAt", NOT_A_START);
            readable = false;
        }
        if (!readable) {
            return null;
        }
        try {
            Ticket ticket =
                    save(
                            tickets,
                            new TicketDraft(
                                    title == null ? "" : title.strip(),
                                    Money.parse(price),
                                    event(start.orElse(null)),
                                    seat()));
            feedback.success(saved());
            afterSave(ticket);
            browser.redirect("/ticket?id=" + Browser.encode(ticket.id()));
        } catch (ApiException e) {
            if (explain(e)) {
                return null;
            }
            if (e.isUnauthorized()) {
                browser.redirectToSignIn();
            } else {
                feedback.show(e, FIELDS);
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "catalog-service unreachable: {0}", e.toString());
            feedback.unreachable();
        }
        return null;
    }

    /** The event when any of its fields is filled in (the API then says which are missing). */
    private Ticket.ListedEvent event(Instant start) {
        if (blank(eventName) && blank(venue) && blank(city) && blank(startsAt)) {
            return null;
        }
        return new Ticket.ListedEvent(text(eventName), text(venue), text(city), start);
    }

    private TicketDraft.SeatDraft seat() {
        if (blank(section) && blank(row) && blank(seatNumber)) {
            return null;
        }
        return new TicketDraft.SeatDraft(text(section), text(row), text(seatNumber));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
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

    public String getEventName() {
        return eventName;
    }

    public void setEventName(String eventName) {
        this.eventName = eventName;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getRow() {
        return row;
    }

    public void setRow(String row) {
        this.row = row;
    }

    public String getSeatNumber() {
        return seatNumber;
    }

    public void setSeatNumber(String seatNumber) {
        this.seatNumber = seatNumber;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }
}
