package dev.ticketing.auth.domain;

/** Sign-in refused. Deliberately says nothing about whether the email exists. */
public class InvalidCredentialsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        super("Invalid credentials", null, false, false);
    }
}
