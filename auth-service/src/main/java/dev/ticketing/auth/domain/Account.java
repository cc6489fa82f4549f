package dev.ticketing.auth.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user account. {@code email} is always normalized (see {@link EmailAddress}), so it is the
 * unique key; {@code id} is an opaque id that other services see as the user (never the email,
 * which would leak into ticket listings). {@code passwordHash} is the hasher's self-describing
 * string and never leaves auth-service.
 */
public record Account(
        String id, String email, String passwordHash, long version, Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new account: version 0, as every aggregate starts. */
    public static Account open(String id, EmailAddress email, String passwordHash, Instant now) {
        return new Account(id, email.value(), passwordHash, 0, now);
    }

    /** Never prints the hash: records' default toString would put it in any log line. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", email=" + email + ", version=" + version + "]";
    }
}
