package dev.ticketing.catalog.domain;

import dev.ticketing.common.listing.Event;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a search matches words (docs/api.md, "Events and listings"): case- and accent-insensitive, a
 * searched word matching any word of the title, event name, venue or city that starts with it
 * ("beet" finds "Beethoven", "zurich" finds "Zürich"). A listing's words are stored folded beside
 * it, so the store matches them through an index instead of reading every listing.
 */
public final class SearchWords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** More words than this in one search are refused: each costs an index lookup. */
    public static final int MAX_WORDS = 8;

    private SearchWords() {}

    /** Lower case without accents ("Zürich" → "zurich"); null stays null. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The distinct folded words of {@code text}, in order. */
    public static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            for (String word : NOT_A_WORD.split(fold(text))) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return List.copyOf(words);
    }

    /** Every word a search can find {@code ticket} by. */
    public static List<String> of(Ticket ticket) {
        Event event = ticket.event();
        return event == null
                ? of(ticket.title(), null, null, null)
                : of(ticket.title(), event.name(), event.venue(), event.city());
    }

    /**
     * The words of a listing's title and of its event's name, venue and city (each may be null).
     */
    public static List<String> of(String title, String name, String venue, String city) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {title, name, venue, city}) {
            if (part != null) {
                text.append(part).append(' ');
            }
        }
        return of(text.toString());
    }

    /** The city as a search compares it: folded, whole. */
    public static String city(Ticket ticket) {
        return ticket.event() == null ? null : city(ticket.event().city());
    }

    public static String city(String city) {
        return city == null ? null : fold(city).strip();
    }
}
