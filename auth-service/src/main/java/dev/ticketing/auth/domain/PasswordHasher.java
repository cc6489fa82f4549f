package dev.ticketing.auth.domain;

/** A slow, salted password hash (the security package supplies it). */
public interface PasswordHasher {

    /** A self-describing hash of {@code password} (algorithm, parameters, salt and hash). */
    String hash(String password);

    /** Whether {@code password} matches {@code hash}, taking as long as a real check would. */
    boolean verify(String password, String hash);
}
