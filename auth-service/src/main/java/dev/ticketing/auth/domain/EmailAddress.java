package dev.ticketing.auth.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * An email address in its one canonical form: trimmed and lower-cased, so {@code A@x.com} and
 * {@code a@x.com} are the same account. (Local parts are case-sensitive in theory; no mail provider
 * people use treats them so, and two accounts differing only by case are a phishing gift.)
 */
public record EmailAddress(String value) {

    public EmailAddress {
        Objects.requireNonNull(value, "value");
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(
                Objects.requireNonNull(raw, "email").trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
