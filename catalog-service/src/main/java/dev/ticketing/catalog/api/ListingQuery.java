package dev.ticketing.catalog.api;

import dev.ticketing.catalog.application.TicketSearch;
import dev.ticketing.catalog.application.TicketSearch.Position;
import dev.ticketing.catalog.application.TicketSearch.SortOrder;
import dev.ticketing.catalog.domain.Price;
import dev.ticketing.catalog.domain.SearchWords;
import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.text.Text;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of {@code GET /api/tickets} (docs/api.md, "Events and listings"), every parameter as
 * sent, checked together so that every bad one is reported at once with its name as {@code field}.
 * Without any search parameter it is the original list ({@code limit} up to 1000 and {@code
 * offset}); with one it is a search, paged by the cursor of the {@code Link} header.
 */
public class ListingQuery {
    /** The original list's page size when none is asked for, and the most one page holds. */
    static final int MAX_LIST = 1000;

    static final int MAX_SEARCH = 100;
    static final int DEFAULT_SEARCH = 20;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private String q;

    private String city;

    private String from;

    private String to;

    private String minPrice;

    private String maxPrice;

    private String sort;

    private String limit;

    private String offset;

    private String cursor;

    public ListingQuery() {}

    // Bean properties, the form both the server and Java client proxies read a @BeanParam by.
    public String getQ() {
        return q;
    }

    @Parameter(
            description =
                    "Words, each matching the start of a word of the title, event, venue or city;"
                            + " case and accents ignored",
            example = "beethoven lyon")
    @QueryParam("q")
    public void setQ(String q) {
        this.q = q;
    }

    public String getCity() {
        return city;
    }

    @Parameter(description = "The event's city, case and accents ignored", example = "Zürich")
    @QueryParam("city")
    public void setCity(String city) {
        this.city = city;
    }

    public String getFrom() {
        return from;
    }

    @Parameter(
            description =
                    "Events starting at or after this: an ISO-8601 instant with offset, or a date"
                            + " (its start, UTC)",
            example = "2027-03-01")
    @QueryParam("from")
    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    @Parameter(
            description =
                    "Events starting at or before this: an ISO-8601 instant with offset, or a date"
                            + " (its end, UTC)",
            example = "2027-03-31")
    @QueryParam("to")
    public void setTo(String to) {
        this.to = to;
    }

    public String getMinPrice() {
        return minPrice;
    }

    @Parameter(description = "Lowest price, in dollars", example = "20")
    @QueryParam("minPrice")
    public void setMinPrice(String minPrice) {
        this.minPrice = minPrice;
    }

    public String getMaxPrice() {
        return maxPrice;
    }

    @Parameter(description = "Highest price, in dollars", example = "150.50")
    @QueryParam("maxPrice")
    public void setMaxPrice(String maxPrice) {
        this.maxPrice = maxPrice;
    }

    public String getSort() {
        return sort;
    }

    @Parameter(description = "newest (default), cheapest or soonest", example = "soonest")
    @QueryParam("sort")
    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getLimit() {
        return limit;
    }

    @Parameter(
            description =
                    "Page size: 1 to 100 in a search (default 20), 1 to 1000 in the plain list"
                            + " (default 1000)",
            example = "20")
    @QueryParam("limit")
    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getOffset() {
        return offset;
    }

    @Parameter(description = "Plain list only: tickets to skip (default 0)", example = "0")
    @QueryParam("offset")
    public void setOffset(String offset) {
        this.offset = offset;
    }

    public String getCursor() {
        return cursor;
    }

    @Parameter(description = "Search only: where the next page starts, from the Link header")
    @QueryParam("cursor")
    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    /** A search query (for Java clients); every argument may be null. */
    public static ListingQuery search(String q, String city, String sort, String limit) {
        ListingQuery query = new ListingQuery();
        query.q = q;
        query.city = city;
        query.sort = sort;
        query.limit = limit;
        return query;
    }

    /** The plain list's query (for Java clients). */
    public static ListingQuery page(String limit, String offset) {
        ListingQuery query = new ListingQuery();
        query.limit = limit;
        query.offset = offset;
        return query;
    }

    /** Whether any search parameter was sent. */
    boolean isSearch() {
        return Arrays.asList(q, city, from, to, minPrice, maxPrice, sort, cursor).stream()
                .anyMatch(p -> p != null);
    }

    /** The plain list's page: {@code limit} and {@code offset}. */
    record Page(int limit, int offset) {}

    Page page() {
        Integer size = whole(limit);
        Integer skip = whole(offset);
        ValidationFailure.builder()
                .addIf(
                        limit != null && (size == null || size < 1 || size > MAX_LIST),
                        "limit",
                        "Limit must be a whole number from 1 to " + MAX_LIST)
                .addIf(
                        offset != null && (skip == null || skip < 0),
                        "offset",
                        "Offset must be a whole number, 0 or more")
                .throwIfAny();
        return new Page(size == null ? MAX_LIST : size, skip == null ? 0 : skip);
    }

    /** The search this query asks for; 400 with every bad parameter otherwise. */
    TicketSearch search() {
        ValidationFailure.Builder problems = ValidationFailure.builder();
        String words = Text.clean(q);
        List<String> folded = SearchWords.of(words);
        problems.addIf(
                words != null
                        && Text.problem(words, 200)
                                .filter(p -> p != Text.Problem.EMPTY)
                                .isPresent(),
                "q",
                "Search text must be at most 200 characters, without control characters");
        problems.addIf(
                folded.size() > SearchWords.MAX_WORDS,
                "q",
                "Search at most " + SearchWords.MAX_WORDS + " words at a time");
        String town = Text.clean(city);
        problems.addIf(
                town != null
                        && Text.problem(town, 100).filter(p -> p != Text.Problem.EMPTY).isPresent(),
                "city",
                "City must be at most 100 characters, without control characters");
        Optional<Instant> start = instant(from, false);
        Optional<Instant> end = instant(to, true);
        problems.addIf(
                from != null && start.isEmpty(),
                "from",
                "From must be a date (2027-03-01) or an ISO-8601 date and time with its offset");
        problems.addIf(
                to != null && end.isEmpty(),
                "to",
                "To must be a date (2027-03-31) or an ISO-8601 date and time with its offset");
        problems.addIf(
                start.isPresent() && end.isPresent() && end.get().isBefore(start.get()),
                "to",
                "To must not be before from");
        Optional<BigDecimal> lowest = price(minPrice);
        Optional<BigDecimal> highest = price(maxPrice);
        problems.addIf(
                minPrice != null && lowest.isEmpty(),
                "minPrice",
                "Minimum price must be a number from 0 to 1000000 with at most 2 decimal places");
        problems.addIf(
                maxPrice != null && highest.isEmpty(),
                "maxPrice",
                "Maximum price must be a number from 0 to 1000000 with at most 2 decimal places");
        problems.addIf(
                lowest.isPresent()
                        && highest.isPresent()
                        && highest.get().compareTo(lowest.get()) < 0,
                "maxPrice",
                "Maximum price must not be below the minimum price");
        Optional<SortOrder> order = order(sort);
        problems.addIf(order.isEmpty(), "sort", "Sort must be one of newest, cheapest, soonest");
        Integer size = whole(limit);
        problems.addIf(
                limit != null && (size == null || size < 1 || size > MAX_SEARCH),
                "limit",
                "Limit must be a whole number from 1 to " + MAX_SEARCH);
        problems.addIf(
                offset != null,
                "offset",
                "A search pages with the cursor of its Link header, not an offset");
        Optional<Position> after = order.flatMap(o -> position(cursor, o));
        problems.addIf(
                cursor != null && order.isPresent() && after.isEmpty(),
                "cursor",
                "Cursor is not one of this search's; start again from the first page");
        problems.throwIfAny();
        return new TicketSearch(
                folded,
                town == null || town.isEmpty() ? null : SearchWords.fold(town),
                start.orElse(null),
                end.orElse(null),
                lowest.orElse(null),
                highest.orElse(null),
                order.get(),
                after.orElse(null),
                size == null ? DEFAULT_SEARCH : size);
    }

    /**
     * The cursor of the page after {@code position}: opaque to clients, checked when it returns.
     */
    static String cursorOf(SortOrder order, Position position) {
        String plain = order.wireName() + "|" + position.key() + "|" + position.id();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Position> position(String cursor, SortOrder order) {
        if (cursor == null) {
            return Optional.empty();
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                            .split("\\|", -1);
            if (parts.length != 3
                    || !parts[0].equals(order.wireName())
                    || !ID.matcher(parts[2]).matches()) {
                return Optional.empty();
            }
            // The key must be a value the store holds: a price, or an instant of a storable year.
            boolean storable =
                    order == SortOrder.CHEAPEST
                            ? price(parts[1]).isPresent()
                            : storable(Instant.parse(parts[1])).isPresent();
            return storable ? Optional.of(new Position(parts[1], parts[2])) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<SortOrder> order(String sort) {
        if (sort == null) {
            return Optional.of(SortOrder.NEWEST);
        }
        return Arrays.stream(SortOrder.values())
                .filter(o -> o.wireName().equals(sort.trim()))
                .findFirst();
    }

    /** A date means its first instant ({@code from}) or its last ({@code to}), in UTC. */
    private static Optional<Instant> instant(String text, boolean endOfDay) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return storable(
                        endOfDay
                                ? day.plusDays(1)
                                        .atStartOfDay()
                                        .toInstant(ZoneOffset.UTC)
                                        .minusMillis(1)
                                : day.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return storable(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Years 1 to 9999 only: the store's dates cannot hold every year ISO-8601 can write. */
    private static Optional<Instant> storable(Instant instant) {
        return instant.isBefore(FIRST) || instant.isAfter(LAST)
                ? Optional.empty()
                : Optional.of(instant);
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static Optional<BigDecimal> price(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            boolean valid =
                    value.signum() >= 0
                            && Price.problem(value.signum() == 0 ? BigDecimal.ONE : value)
                                    .isEmpty();
            // At the stored scale (10 → 10.00), so the store compares like with like.
            return valid ? Optional.of(value.setScale(2)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Integer whole(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
