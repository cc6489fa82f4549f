package dev.ticketing.common.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What a person may type into a text field of the marketplace (docs/api.md, "Hardening"): text is
 * stored in Unicode NFC with surrounding white space and invisible characters removed; control
 * characters and direction overrides (which make text display as something other than it is) are
 * refused; text of only invisible characters counts as empty; and every field has a maximum length,
 * counted in characters as a person sees them (code points).
 */
public final class Text {
    private Text() {}

    /** Why a field's value is refused: it breaks one of these. */
    public enum Problem {
        EMPTY,
        TOO_LONG,
        UNPRINTABLE
    }

    /**
     * The value as stored: NFC, stripped of surrounding white space and invisible characters (null
     * stays null).
     */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int start = 0;
        int end = text.length();
        while (start < end && ignorable(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && ignorable(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /**
     * What is wrong with a cleaned value for a field of at most {@code max} characters, if
     * anything.
     */
    public static Optional<Problem> problem(String cleaned, int max) {
        if (cleaned == null || cleaned.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (cleaned.codePoints().anyMatch(Text::forbidden)) {
            return Optional.of(Problem.UNPRINTABLE);
        }
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }

    /**
     * White space, and the invisible format characters (zero-width spaces, joiners, BOM) at an
     * edge.
     */
    private static boolean ignorable(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == 0x200B
                || c == 0x200C
                || c == 0x200D
                || c == 0x2060
                || c == 0xFEFF
                || c == 0x180E;
    }

    /**
     * Control characters, and the directional embeddings, overrides and isolates (Trojan Source).
     */
    static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }
}
