package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The home page: the tickets for sale, searched and filtered by catalog-service (docs/api.md,
 * "Events and listings"). Every filter is a parameter of the page's URL, so a search can be shared
 * and the back button returns to the previous one; the next page follows the cursor of the API's
 * Link header.
 */
@Named
@RequestScoped
public class HomePage {
    private static final Pattern NEXT_CURSOR =
            Pattern.compile("<[^>]*[?&]cursor=([^&>]+)[^>]*>;\\s*rel=\"next\"");

    @Inject @RestClient TicketsApi tickets;

    @Inject Feedback feedback;

    @Inject PageLoads loads;

    @Inject
    @ConfigProperty(name = "ticketing.storefront.page-size", defaultValue = "12")
    int pageSize;

    private String q;
    private String city;
    private String from;
    private String to;
    private String tz;
    private String minPrice;
    private String maxPrice;
    private String sort;
    private String cursor;

    private List<Ticket> shown;
    private String nextCursor;
    private boolean loaded;
    private boolean filterRefused;

    /** Loads the page's tickets once per request (view action). */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        shown = loads.forAnyone("catalog-service", "the search", this::search, this::badFilter);
        if (filterRefused) {
            shown = List.of();
        }
    }

    private List<Ticket> search() {
        try (Response page =
                tickets.search(
                        given(q),
                        given(city),
                        dayStart(given(from)),
                        dayEnd(given(to)),
                        given(minPrice),
                        given(maxPrice),
                        // Always named: it makes the request a search, paged by cursor.
                        getSort(),
                        pageSize,
                        given(cursor))) {
            List<Ticket> found = page.readEntity(new GenericType<List<Ticket>>() {});
            nextCursor = nextCursor(page.getHeaderString("Link"));
            return found;
        }
    }

    /** A filter the catalog cannot use (a hand-edited URL): say which, show nothing. */
    private boolean badFilter(ApiException refusal) {
        if (refusal.isFromApi() && refusal.status() == 400) {
            feedback.show(refusal, Map.of());
            filterRefused = true;
            return true;
        }
        return false;
    }

    static String nextCursor(String link) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT_CURSOR.matcher(link);
        return next.find() ? next.group(1) : null;
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<Ticket> getTickets() {
        load();
        return shown == null ? List.of() : shown;
    }

    /** Whether any filter is set: the empty state then suggests changing them. */
    public boolean isFiltered() {
        return Stream.of(q, city, from, to, minPrice, maxPrice).anyMatch(v -> given(v) != null);
    }

    /** Nothing for sale at all (and the catalog answered): the page invites the visitor to sell. */
    public boolean isNoTickets() {
        load();
        return shown != null && shown.isEmpty() && !isFiltered() && cursor == null;
    }

    /** A search that finds nothing: the page says what to change. */
    public boolean isNoMatch() {
        load();
        return shown != null && shown.isEmpty() && (isFiltered() || cursor != null);
    }

    public boolean isMore() {
        load();
        return nextCursor != null;
    }

    /** The next page: this search's URL with the API's cursor. */
    public String getNextQuery() {
        load();
        Map<String, String> query = filters();
        query.put("cursor", nextCursor);
        return queryString(query);
    }

    /** The first page of this search (after following "More"). */
    public String getFirstQuery() {
        return queryString(filters());
    }

    public boolean isPaged() {
        return given(cursor) != null;
    }

    private Map<String, String> filters() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", given(q));
        query.put("city", given(city));
        query.put("from", given(from));
        query.put("to", given(to));
        query.put("tz", given(tz));
        query.put("minPrice", given(minPrice));
        query.put("maxPrice", given(maxPrice));
        query.put("sort", given(sort));
        return query;
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder text = new StringBuilder();
        query.forEach(
                (name, value) -> {
                    if (value != null) {
                        text.append(text.isEmpty() ? "?" : "&")
                                .append(name)
                                .append('=')
                                .append(Browser.encode(value));
                    }
                });
        return text.toString();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    /**
     * The visitor's time zone (named by static/local-time.js in the search form): the dates they
     * pick are their own days. Without it, or with a zone Java does not know, days are UTC days.
     */
    public String getTz() {
        return tz;
    }

    public void setTz(String tz) {
        this.tz = tz;
    }

    /** {@code from} as the first instant of that day in the visitor's zone; other text as typed. */
    private String dayStart(String date) {
        return inZone(date, 0);
    }

    /** {@code to} as the last millisecond of that day in the visitor's zone. */
    private String dayEnd(String date) {
        return inZone(date, 1);
    }

    private String inZone(String date, int plusDays) {
        if (date == null || given(tz) == null) {
            return date; // a UTC day, or text the catalog refuses with its own message
        }
        try {
            ZonedDateTime start =
                    LocalDate.parse(date).plusDays(plusDays).atStartOfDay(ZoneId.of(tz.strip()));
            return (plusDays == 0 ? start : start.minus(1, ChronoUnit.MILLIS))
                    .toOffsetDateTime()
                    .toString();
        } catch (DateTimeException e) {
            return date;
        }
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getMinPrice() {
        return minPrice;
    }

    public void setMinPrice(String minPrice) {
        this.minPrice = minPrice;
    }

    public String getMaxPrice() {
        return maxPrice;
    }

    public void setMaxPrice(String maxPrice) {
        this.maxPrice = maxPrice;
    }

    /** The order: newest when none is chosen. */
    public String getSort() {
        return given(sort) == null ? "newest" : sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
