package dev.ticketing.nats;

/**
 * A nack reason meaning "never": the message cannot be decoded, or its content can never be
 * applied. It is dead-lettered at once, with this reason, instead of being retried. Found anywhere
 * in the reason's cause chain.
 */
public class PoisonMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PoisonMessage(String message) {
        super(message);
    }

    public PoisonMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
