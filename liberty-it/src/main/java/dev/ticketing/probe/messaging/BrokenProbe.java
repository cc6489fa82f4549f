package dev.ticketing.probe.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer with the bug the service kit prevents: on "break" it returns a failed stage, which
 * makes SmallRye end the channel for the life of the application. Liveness must then say so.
 */
@ApplicationScoped
public class BrokenProbe {

    @Incoming("probe-broken")
    public CompletionStage<Void> handle(Message<String> message) {
        if ("break".equals(message.getPayload())) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("a handler bug ends the channel"));
        }
        return message.ack();
    }
}
