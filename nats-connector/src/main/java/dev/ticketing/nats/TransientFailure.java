package dev.ticketing.nats;

/**
 * A nack reason meaning "not now": a dependency the handler needs is unreachable or slow (the
 * store, NATS, a payment gateway), or the message depends on one not applied yet. Such a message is
 * redelivered with a doubling delay ({@code transient-backoff} up to {@code transient-backoff-max})
 * for as long as it takes, and never dead-lettered: an outage delays work, it does not lose it.
 * Found anywhere in the reason's cause chain.
 */
public class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransientFailure(String message) {
        super(message);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
