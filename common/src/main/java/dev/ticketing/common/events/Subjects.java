package dev.ticketing.common.events;

/**
 * Subject naming: every event subject is {@code <prefix>.<event type>}; the prefix is
 * configuration.
 */
public final class Subjects {

    /**
     * The production prefix: subjects {@code ticketing.ticket.created}, ..., stream subjects {@code
     * ticketing.>}.
     */
    public static final String DEFAULT_PREFIX = "ticketing";

    private Subjects() {}

    /**
     * {@code prefix} without a trailing dot; null or blank means {@link #DEFAULT_PREFIX}. A prefix
     * holding a wildcard or whitespace is an {@link IllegalArgumentException}.
     */
    public static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return DEFAULT_PREFIX;
        }
        String p = prefix.strip();
        while (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()
                || p.startsWith(".")
                || p.contains("..")
                || p.contains("*")
                || p.contains(">")
                || p.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Invalid subject prefix: '" + prefix + "'");
        }
        return p;
    }

    /** Every subject under {@code prefix}, for a stream's subject list: {@code ticketing.>}. */
    public static String all(String prefix) {
        return normalizePrefix(prefix) + ".>";
    }
}
