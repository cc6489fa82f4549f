package dev.ticketing.catalog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.catalog.domain.SalePayout;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.mongo.MongoStoreProducer;
import dev.ticketing.testing.JakartaNoSqlContainer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payout's creation and its final status arrive on different channels, so the catalog applies
 * them at the same time, against the store the build started (in this package: it drives {@link
 * SalePayoutStore} directly, many times, to hit the interleavings). Whatever the interleaving, the
 * copy ends final with the creation's amounts and release date. OutageIT found the first way it did
 * not: the cancellation saw no copy, the creation inserted a pending one, and the cancellation,
 * finding a copy, took it for a final one and was acknowledged as a duplicate, leaving the seller's
 * dashboard pending for good.
 */
class SalePayoutStoreRaceIT {
    private static final int SALES = 150;
    private static final Instant RELEASE_AT = Instant.parse("2027-03-03T20:00:00Z");

    /** Jakarta NoSQL's template as the service builds it, over the kit's producers. */
    private static JakartaNoSqlContainer cdi;

    private static MongoStore mongo;
    private static SalePayoutStore store;
    private ExecutorService pool;

    @BeforeAll
    static void aStoreOfItsOwn() {
        cdi =
                JakartaNoSqlContainer.start(
                        Map.of(
                                "jnosql.mongodb.url",
                                System.getProperty("it.store.url"),
                                "jnosql.document.database",
                                "catalog-payout-race-"
                                        + UUID.randomUUID().toString().substring(0, 8)),
                        new Class<?>[] {MongoStoreProducer.class},
                        SalePayoutStore.class);
        mongo = cdi.get(MongoStore.class);
        store = cdi.get(SalePayoutStore.class);
    }

    @AfterAll
    static void closeIt() {
        mongo.database().drop();
        cdi.close();
    }

    @BeforeEach
    void twoThreads() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void drop() {
        pool.shutdownNow();
        mongo.collection(SalePayoutStore.COLLECTION).drop();
    }

    @Test
    void aCancellationRacingTheCreationAlwaysEndsCancelled() throws Exception {
        List<String> orders =
                race(
                        order -> () -> store.owed(created(order)),
                        order -> () -> store.cancelled(order, ticketOf(order)));
        Map<String, SalePayout> copies = store.ofOrders(orders);
        for (String order : orders) {
            assertEquals(
                    new SalePayout(
                            order,
                            ticketOf(order),
                            new BigDecimal("25.50"),
                            new BigDecimal("2.55"),
                            new BigDecimal("22.95"),
                            SalePayout.Status.CANCELLED,
                            RELEASE_AT),
                    copies.get(order));
        }
    }

    @Test
    void aReleaseRacingTheCreationAlwaysEndsPaid() throws Exception {
        List<String> orders =
                race(
                        order -> () -> store.owed(created(order)),
                        order ->
                                () ->
                                        store.paid(
                                                new SalePayout(
                                                        order,
                                                        ticketOf(order),
                                                        new BigDecimal("25.50"),
                                                        new BigDecimal("2.55"),
                                                        new BigDecimal("22.95"),
                                                        SalePayout.Status.PAID,
                                                        null)));
        Map<String, SalePayout> copies = store.ofOrders(orders);
        for (String order : orders) {
            assertEquals(SalePayout.Status.PAID, copies.get(order).status(), order);
            assertEquals(RELEASE_AT, copies.get(order).releaseAt(), order);
        }
    }

    /**
     * For each of {@link #SALES} sales, runs {@code first} and {@code second} at once (released
     * together by a barrier); each applies, so each must report a change. The sales' order ids.
     */
    private List<String> race(
            java.util.function.Function<String, BooleanSupplier> first,
            java.util.function.Function<String, BooleanSupplier> second)
            throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < SALES; i++) {
            String order = String.format("6b14%020x", i);
            orders.add(order);
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Boolean> a =
                    pool.submit(() -> await(together) && first.apply(order).getAsBoolean());
            Future<Boolean> b =
                    pool.submit(() -> await(together) && second.apply(order).getAsBoolean());
            assertEquals(List.of(true, true), List.of(a.get(), b.get()), "both applied: " + order);
        }
        return orders;
    }

    private static boolean await(CyclicBarrier barrier) throws Exception {
        barrier.await();
        return true;
    }

    private static SalePayout created(String order) {
        return new SalePayout(
                order,
                ticketOf(order),
                new BigDecimal("25.50"),
                new BigDecimal("2.55"),
                new BigDecimal("22.95"),
                SalePayout.Status.PENDING,
                RELEASE_AT);
    }

    private static String ticketOf(String order) {
        return "t" + order;
    }
}
