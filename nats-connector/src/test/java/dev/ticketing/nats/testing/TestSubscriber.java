package dev.ticketing.nats.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Collects what a Publisher emits, requesting an initial amount and more on demand; an optional
 * callback runs for each item (e.g. to ack or nack it).
 */
public final class TestSubscriber<T> implements Subscriber<T> {

    private final List<T> items = new CopyOnWriteArrayList<>();
    private final long initialRequest;
    private final Consumer<T> onItem;
    private volatile Subscription subscription;
    private volatile Throwable error;
    private volatile boolean completed;

    public TestSubscriber(long initialRequest) {
        this(initialRequest, t -> {});
    }

    public TestSubscriber(long initialRequest, Consumer<T> onItem) {
        this.initialRequest = initialRequest;
        this.onItem = onItem;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        if (initialRequest > 0) {
            s.request(initialRequest);
        }
    }

    @Override
    public void onNext(T t) {
        items.add(t);
        onItem.accept(t);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onComplete() {
        completed = true;
    }

    public void request(long n) {
        subscription.request(n);
    }

    public void cancel() {
        subscription.cancel();
    }

    public List<T> items() {
        return items;
    }

    public int count() {
        return items.size();
    }

    public Throwable error() {
        return error;
    }

    public boolean isCompleted() {
        return completed;
    }
}
