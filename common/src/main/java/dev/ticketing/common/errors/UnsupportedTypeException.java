package dev.ticketing.common.errors;

/** 415: the body's Content-Type is not one the route accepts; the message names those it does. */
public class UnsupportedTypeException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTypeException(String message) {
        super(java.util.Objects.requireNonNull(message, "message"));
    }

    @Override
    public int status() {
        return 415;
    }
}
