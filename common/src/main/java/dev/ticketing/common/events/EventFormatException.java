package dev.ticketing.common.events;

/**
 * A message that is not a well-formed event of the expected type: never retry it, dead-letter it.
 */
public class EventFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
