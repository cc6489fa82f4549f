package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.OrdersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** "My orders": every order of the signed-in user, the most recent first. */
@Named
@RequestScoped
public class MyOrdersPage {
    private static final Logger LOG = Logger.getLogger(MyOrdersPage.class.getName());

    @Inject @RestClient OrdersApi orders;

    @Inject CurrentUser currentUser;

    @Inject Browser browser;

    @Inject Feedback feedback;

    private List<OrderView> mine;
    private boolean loaded;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (!currentUser.isSignedIn()) {
            browser.redirectToSignIn();
            return;
        }
        try {
            Clock clock = Clock.systemUTC();
            mine =
                    orders.mine().stream()
                            .map(o -> new OrderView(o, clock))
                            .sorted(
                                    Comparator.comparing(
                                            OrderView::getExpiresAt,
                                            Comparator.nullsLast(
                                                    Comparator.<Instant>reverseOrder())))
                            .toList();
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                browser.redirectToSignIn();
            } else {
                LOG.log(Level.WARNING, "order-service refused the orders: {0}", e.toString());
                feedback.unreachable();
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "order-service unreachable: {0}", e.toString());
            feedback.unreachable();
        }
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
