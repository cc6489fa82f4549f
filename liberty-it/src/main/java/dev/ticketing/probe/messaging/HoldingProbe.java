package dev.ticketing.probe.messaging;

import dev.ticketing.kit.events.Outcome;
import dev.ticketing.kit.events.Settle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer settled by the service kit, as every service's are, whose handler can be held on a
 * message ("hold") until the test releases it: the test breaks the way the settlement travels
 * meanwhile (deletes the consumer) and then shows that later messages are still handled.
 */
@ApplicationScoped
public class HoldingProbe {
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holding;
    private final java.util.concurrent.atomic.AtomicBoolean heldOnce =
            new java.util.concurrent.atomic.AtomicBoolean();

    @Inject Settle settle;

    @Incoming("probe-hold")
    public CompletionStage<Void> handle(Message<String> message) {
        return settle.event(
                message,
                payload -> payload,
                payload -> {
                    // Only the first delivery is held: the message comes again once its unsettled
                    // ack lapses.
                    if (payload.equals("hold") && heldOnce.compareAndSet(false, true)) {
                        holding = true;
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        holding = false;
                        release = new CountDownLatch(1);
                    }
                    handled.add(payload);
                    return Outcome.APPLIED;
                });
    }

    public boolean holding() {
        return holding;
    }

    public void release() {
        release.countDown();
    }

    public List<String> handled() {
        return List.copyOf(handled);
    }
}
