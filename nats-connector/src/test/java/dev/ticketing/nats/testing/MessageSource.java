package dev.ticketing.nats.testing;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A Publisher the test pushes items into with {@link #emit}; items are delivered as the subscriber
 * requests them (a queue-drain loop, so re-entrant request() calls do not recurse). Used to feed an
 * outgoing channel.
 */
public final class MessageSource<T> implements Publisher<T> {

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Subscriber<? super T> subscriber;
    private volatile boolean cancelled;

    @Override
    public void subscribe(Subscriber<? super T> s) {
        if (subscriber != null) {
            throw new IllegalStateException("MessageSource supports one subscriber");
        }
        subscriber = s;
        s.onSubscribe(
                new Subscription() {
                    @Override
                    public void request(long n) {
                        demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                        drain();
                    }

                    @Override
                    public void cancel() {
                        cancelled = true;
                    }
                });
    }

    @SafeVarargs
    public final MessageSource<T> emit(T... items) {
        for (T t : items) {
            queue.add(t);
        }
        drain();
        return this;
    }

    public void complete() {
        Subscriber<? super T> s = subscriber;
        if (s != null) {
            s.onComplete();
        }
    }

    /** Items waiting for demand. */
    public int queued() {
        return queue.size();
    }

    private void drain() {
        if (subscriber == null || wip.getAndIncrement() != 0) {
            return;
        }
        do {
            while (!cancelled && demand.get() > 0 && !queue.isEmpty()) {
                demand.decrementAndGet();
                subscriber.onNext(queue.poll());
            }
        } while (wip.decrementAndGet() != 0);
    }
}
