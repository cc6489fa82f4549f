package dev.ticketing.kit.events;

import dev.ticketing.nats.TransientFailure;

/**
 * The nack reason of an {@link Outcome#EARLY} event: redelivered, with backoff, until what it
 * follows is applied.
 */
public final class WaitingForEarlierEvent extends TransientFailure {
    private static final long serialVersionUID = 1L;

    public WaitingForEarlierEvent(String event) {
        super(
                event
                        + " arrived before the event it follows; redelivered until that one is applied");
    }
}
