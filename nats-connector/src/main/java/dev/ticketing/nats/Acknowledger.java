package dev.ticketing.nats;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.AckType;

/**
 * Turns ack/nack of an incoming message into JetStream acknowledgements. They are sent as
 * requests, so the returned stage completes only once the server confirmed; completion is
 * handed to the connector's executor so application code never runs on jnats' reader thread.
 */
final class Acknowledger {

    private static final Logger LOG = Logger.getLogger(Acknowledger.class.getName());

    private final ChannelSettings settings;
    private final SharedConnection connection;
    private final DeadLetters deadLetters;
    private final Executor callbacks;
    private final EventCounters counters;

    Acknowledger(ChannelSettings settings, SharedConnection connection, DeadLetters deadLetters, Executor callbacks,
                 EventCounters counters) {
        this.settings = settings;
        this.connection = connection;
        this.deadLetters = deadLetters;
        this.callbacks = callbacks;
        this.counters = counters;
    }

    CompletionStage<Void> ack(Message raw) {
        return reply(raw, AckType.AckAck.bodyBytes(-1));
    }

    CompletionStage<Void> nack(Message raw, IncomingNatsMetadata meta, Throwable reason) {
        if (meta.deliveredCount() >= settings.maxDeliver()) {
            // The server will not redeliver it again: park it on the dead-letter subject, then
            // terminate it. If dead-lettering fails we do not terminate, and say so loudly.
            return deadLetters.publish(raw, meta, reason)
                    .thenCompose(ack -> {
                        counters.deadLettered(meta.subject());
                        return reply(raw, AckType.AckTerm.bodyBytes(-1));
                    })
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            LOG.log(Level.SEVERE, "Could not dead-letter " + meta + " of " + settings
                                    + "; it stays in the stream but will not be redelivered", e);
                        }
                    });
        }
        Duration delay = settings.backoffFor(meta.deliveredCount());
        LOG.fine(() -> "Nack of " + meta + " on " + settings + ", redelivery in " + delay + ": " + reason);
        return reply(raw, AckType.AckNak.bodyBytes(delay.toNanos()));
    }

    private CompletableFuture<Void> reply(Message raw, byte[] body) {
        Connection c = connection.connectionNow();
        if (c == null || raw.getReplyTo() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to NATS"));
        }
        CompletableFuture<Message> request;
        try {
            request = c.requestWithTimeout(raw.getReplyTo(), body, settings.requestTimeout());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return request.handleAsync((response, error) -> {
            if (error != null) {
                throw error instanceof CompletionException ? (CompletionException) error : new CompletionException(error);
            }
            if (response.isStatusMessage()) {
                throw new CompletionException(new IllegalStateException(
                        "JetStream refused acknowledgement: " + response.getStatus().getMessageWithCode()));
            }
            return null;
        }, callbacks);
    }
}
