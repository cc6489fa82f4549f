package dev.ticketing.auth.domain;

/**
 * The password rules of the contract: surrounding whitespace is not part of a password (the
 * original app trimmed it before validating and storing), and a new one has 4 to 20 characters.
 */
public final class Password {
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 20;

    private Password() {
    }

    /** The password as it is hashed and compared: trimmed. */
    public static String canonical(String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** Whether a new password is acceptable: its length after trimming is within the limits. */
    public static boolean hasValidLength(String raw) {
        int length = canonical(raw).length();
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }
}
