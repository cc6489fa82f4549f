package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.OrdersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** "My orders": every order of the signed-in user, the most recent first. */
@Named
@RequestScoped
public class MyOrdersPage {

    @Inject @RestClient OrdersApi orders;

    @Inject PageLoads loads;

    private List<OrderView> mine;
    private boolean loaded;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Clock clock = Clock.systemUTC();
        mine =
                loads.forMember(
                        "order-service",
                        "the buyer's orders",
                        () ->
                                orders.mine().stream()
                                        .map(o -> new OrderView(o, clock))
                                        .sorted(
                                                Comparator.comparing(
                                                        OrderView::getExpiresAt,
                                                        Comparator.nullsLast(
                                                                Comparator
                                                                        .<Instant>reverseOrder())))
                                        .toList());
    }

    public List<OrderView> getOrders() {
        load();
        return mine == null ? List.of() : mine;
    }

    /** The API answered and there are none (not: the API is away). */
    public boolean isNone() {
        load();
        return mine != null && mine.isEmpty();
    }
}
