package dev.ticketing.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.NatsTestServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutgoingFailureTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void publishToASubjectNoStreamCapturesIsNacked() throws Exception {
        MessageSource<Message<?>> out =
                fx.outgoing(fx.outgoingConfig("out", "orders").with("publish-timeout", "3s"));
        String unbound = NatsTestServer.uniqueName("unbound") + ".x";
        CompletableFuture<Void> outcome =
                Fixture.send(
                        out,
                        "lost?",
                        OutgoingNatsMetadata.builder().messageId("u-1").subject(unbound).build());

        Throwable reason = failure(outcome);
        assertNotNull(reason);
        System.out.println("[OutgoingFailureTest] unbound subject nack reason: " + reason);
        // the channel keeps working after a failure
        Fixture.send(out, "fine", "ok-1").get(10, TimeUnit.SECONDS);
        assertEquals(1, fx.streamMessageCount());
    }

    @Test
    void messageWithoutIdIsNackedWithIllegalArgumentException() throws Exception {
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders"));
        CompletableFuture<Void> plain = new CompletableFuture<>();
        out.emit(
                Message.of(
                        "no id",
                        () -> {
                            plain.complete(null);
                            return CompletableFuture.completedFuture(null);
                        },
                        e -> {
                            plain.completeExceptionally(e);
                            return CompletableFuture.completedFuture(null);
                        }));
        Throwable reason = failure(plain);
        assertInstanceOf(IllegalArgumentException.class, reason);
        assertTrue(reason.getMessage().contains("message id"), reason.getMessage());

        Throwable blank = failure(Fixture.send(out, "blank id", " "));
        assertInstanceOf(IllegalArgumentException.class, blank);

        Throwable badPayload =
                failure(Fixture.send(out, 42, OutgoingNatsMetadata.withMessageId("n-1")));
        assertInstanceOf(IllegalArgumentException.class, badPayload);
        assertTrue(badPayload.getMessage().contains("java.lang.Integer"), badPayload.getMessage());

        Fixture.send(out, "fine", "ok-2").get(10, TimeUnit.SECONDS);
        assertEquals(1, fx.streamMessageCount());
    }

    @Test
    void messageWithoutAnySubjectIsNacked() throws Exception {
        MessageSource<Message<?>> out = fx.outgoing(fx.base("out")); // no subject property
        Throwable reason = failure(Fixture.send(out, "where to?", "s-1"));
        assertInstanceOf(IllegalArgumentException.class, reason);
        assertTrue(
                reason.getMessage().contains("mp.messaging.outgoing.out.subject"),
                reason.getMessage());
    }

    private static Throwable failure(CompletableFuture<Void> outcome) {
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> outcome.get(15, TimeUnit.SECONDS));
        return e.getCause();
    }
}
