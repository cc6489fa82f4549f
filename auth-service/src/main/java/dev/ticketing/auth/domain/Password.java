package dev.ticketing.auth.domain;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The password rules (docs/api.md, "Hardening", after NIST SP 800-63B): surrounding whitespace is
 * not part of a password (the original app trimmed it before validating and storing); a new one has
 * 8 to 128 characters and is not one of the commonly used passwords. Accounts made under the old
 * rule (4 to 20 characters) keep signing in: sign-in checks only the hash.
 */
public final class Password {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final String LENGTH_RULE =
            "Password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters";
    public static final String COMMON_RULE =
            "Password is too common: choose one that is harder to guess";

    private Password() {}

    /** The password as it is hashed and compared: trimmed. */
    public static String canonical(String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** Whether a new password's length after trimming is within the limits. */
    public static boolean hasValidLength(String raw) {
        int length = canonical(raw).length();
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    /** The rule a new password breaks, if any: its length first, then being a common one. */
    public static Optional<String> brokenRule(String raw, Predicate<String> isCommon) {
        if (!hasValidLength(raw)) {
            return Optional.of(LENGTH_RULE);
        }
        return isCommon.test(canonical(raw)) ? Optional.of(COMMON_RULE) : Optional.empty();
    }
}
