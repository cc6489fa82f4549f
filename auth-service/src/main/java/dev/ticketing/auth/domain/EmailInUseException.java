package dev.ticketing.auth.domain;

/** Sign-up refused: an account with this email already exists. */
public class EmailInUseException extends Exception {
    private static final long serialVersionUID = 1L;

    public EmailInUseException() {
        super("Email in use", null, false, false);
    }
}
