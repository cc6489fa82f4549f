package dev.ticketing.timer.it;

import static dev.ticketing.testing.ApiClients.error;
import static dev.ticketing.testing.ApiClients.refusal;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.ApiClients.Refusal;
import dev.ticketing.timer.api.PendingTimer;
import dev.ticketing.timer.api.PendingTimersApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The operators' timer routes through a typed client of {@link PendingTimersApi}, the interface
 * PendingTimersResource serves (MicroShed Testing against the server the build started, on its
 * operator port): an order's hold shows as a pending timer with its due time until the order ends.
 */
@MicroShedTest
public class PendingTimersClientIT {

    /** An operator's client, injected by MicroShed Testing. */
    @RESTClient public static PendingTimersApi timers;

    private static EventBus bus;

    @BeforeAll
    static void connect() {
        bus =
                new EventBus(
                        LibertyServer.required("nats.url"),
                        LibertyServer.required("it.subject.prefix"));
    }

    @AfterAll
    static void disconnect() {
        bus.close();
    }

    @Test
    void aHeldOrderHasAPendingTimerUntilItIsCancelled() {
        String orderId = Orders.newOrderId();
        Instant expiresAt = Instant.now().plusSeconds(300);
        bus.publish(Orders.created(orderId, expiresAt));

        PendingTimer timer =
                await().atMost(Duration.ofSeconds(20))
                        .ignoreExceptions()
                        .until(() -> timers.pendingFor(orderId), t -> t != null);
        assertEquals(
                new PendingTimer(orderId, Orders.created(orderId, expiresAt).data().expiresAt()),
                timer);
        assertTrue(timers.pending().contains(timer), "the list holds the order's timer");

        bus.publish(Orders.cancelled(orderId));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> timers.pending().stream().noneMatch(t -> t.orderId().equals(orderId)));
        Refusal gone =
                refusal(() -> ApiClients.anonymous(PendingTimersApi.class).pendingFor(orderId));
        assertEquals(404, gone.status(), gone.toString());
        assertEquals(error("Not Found"), gone.body(), gone.toString());
    }
}
