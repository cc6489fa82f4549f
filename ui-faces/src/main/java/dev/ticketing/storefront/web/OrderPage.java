package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.NewPayment;
import dev.ticketing.storefront.client.OrdersApi;
import dev.ticketing.storefront.client.PaymentsApi;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.annotation.RequestParameterMap;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One order: the ticket, the price, the time left to pay, the payment form, and the outcome. With a
 * Stripe publishable key the card is entered in Stripe's element (its token is posted here);
 * without one the simulated gateway's documented test tokens are offered.
 */
@Named
@RequestScoped
public class OrderPage {
    static final String TEST_CARD_PAYS = "tok_visa";
    static final String TEST_CARD_DECLINED = "tok_chargeDeclined";
    static final String PAYMENT_UNCONFIRMED =
            "We couldn't confirm your payment just now. Please try again in a moment: you will not"
                    + " be charged twice for this order.";
    static final String PAYMENTS_AWAY =
            "We couldn't reach the payment service, so nothing was charged. Please try again.";
    private static final Duration CONFIRMATION_WAIT = Duration.ofSeconds(5);
    private static final Duration CONFIRMATION_POLL = Duration.ofMillis(200);
    private static final Logger LOG = Logger.getLogger(OrderPage.class.getName());

    @Inject @RestClient OrdersApi orders;

    @Inject @RestClient PaymentsApi payments;

    @Inject @RestClient TicketsApi tickets;

    @Inject Browser browser;

    @Inject Feedback feedback;

    @Inject PageLoads loads;

    /** The card token: a test token's radio button, or the token Stripe's element made. */
    @Inject @RequestParameterMap Map<String, String> parameters;

    @Inject
    @ConfigProperty(name = "STRIPE_PUBLISHABLE_KEY")
    Optional<String> stripeKey;

    private final Clock clock = Clock.systemUTC();

    private String id;
    private OrderView order;
    private boolean loaded;
    private boolean notFound;
    private Boolean ticketFileAttached;

    /** Loads the order once per request (the view action, or the first getter on a postback). */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        order =
                loads.forMember(
                        "order-service",
                        "order " + id,
                        () -> new OrderView(orders.order(id == null ? "" : id), clock),
                        loads.notFound(() -> notFound = true));
    }

    public String pay() {
        String token = parameters.get("token");
        if (token == null || token.isBlank()) {
            feedback.error(
                    isStripe()
                            ? "Enter your card details to pay."
                            : "Choose a test card to pay with.");
            return null;
        }
        try {
            payments.pay(new NewPayment(id, token.strip()));
            feedback.success("Payment received. Enjoy the event!");
            awaitConfirmation();
            browser.redirect("/order?id=" + Browser.encode(id));
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                browser.redirectToSignIn();
            } else {
                feedback.error(paymentProblem(e));
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "payment-service unreachable: {0}", e.toString());
            feedback.error(PAYMENTS_AWAY);
        }
        return null;
    }

    /**
     * order-service learns of the payment from an event, a moment after payment-service answers.
     * Waiting briefly for it lets the next page say "Paid" instead of showing the form again; if it
     * takes longer, the page shows the order as it is and refreshes itself until it settles.
     */
    private void awaitConfirmation() {
        long deadline = System.nanoTime() + CONFIRMATION_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!"created".equals(orders.order(id).status())) {
                    return;
                }
                Thread.sleep(CONFIRMATION_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.FINE,
                    "could not re-read order {0} after paying: {1}",
                    new Object[] {id, e});
        }
    }

    /**
     * Why paying did not go through. Nothing answered for payment-service: nothing was charged.
     * payment-service failed (5xx: its store or the payment provider away): a charge may have been
     * made and not yet recorded (the reconciler records or refunds it), so the visitor is told only
     * that paying again is safe, which it is: the same card is the same attempt, never a second
     * charge. A refusal (4xx) says why.
     */
    static String paymentProblem(ApiException problem) {
        if (!problem.isFromApi()) {
            return PAYMENTS_AWAY;
        }
        if (problem.status() >= 500) {
            return PAYMENT_UNCONFIRMED;
        }
        return paymentRefusal(problem);
    }

    /**
     * A declined card says why; any other refusal (expired, already paid) is docs/api.md's message.
     */
    static String paymentRefusal(ApiException problem) {
        String reason = problem.errors().isEmpty() ? "" : problem.errors().get(0).message();
        if (problem.status() == 402 || reason.toLowerCase(Locale.ROOT).contains("declin")) {
            return "Payment declined: " + reason;
        }
        return "Payment not taken: " + reason;
    }

    public String cancel() {
        try {
            orders.cancel(id);
            feedback.success("You cancelled this order; the ticket is back on sale.");
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                browser.redirectToSignIn();
                return null;
            }
            feedback.errorAfterRedirect(
                    e.isUnreachable() ? Feedback.UNREACHABLE : e.errors().get(0).message());
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "order-service unreachable: {0}", e.toString());
            feedback.errorAfterRedirect(Feedback.UNREACHABLE);
        }
        browser.redirect("/order?id=" + Browser.encode(id));
        return null;
    }

    public OrderView getOrder() {
        load();
        return order;
    }

    public boolean isNotFound() {
        load();
        return notFound;
    }

    /**
     * Whether the seller of a paid order's ticket attached the file ("Download your ticket"); asked
     * of catalog-service once per request, only for a paid order. Unknown counts as not yet.
     */
    public boolean isTicketFileAttached() {
        if (ticketFileAttached == null) {
            ticketFileAttached = false;
            if (getOrder() != null && order.isPaid() && order.getTicketId() != null) {
                try {
                    ticketFileAttached = tickets.ticket(order.getTicketId()).isHasFile();
                } catch (ApiException | ProcessingException e) {
                    LOG.log(Level.FINE, "ticket of order {0} not read: {1}", new Object[] {id, e});
                }
            }
        }
        return ticketFileAttached;
    }

    /**
     * A payment is being confirmed: the page reloads itself (no script needed) until it settles.
     */
    public boolean isSettling() {
        return getOrder() != null && order.isPaying();
    }

    public boolean isStripe() {
        return getStripeKey() != null;
    }

    public String getStripeKey() {
        return stripeKey.map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
    }

    public String getTestCardPays() {
        return TEST_CARD_PAYS;
    }

    public String getTestCardDeclined() {
        return TEST_CARD_DECLINED;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
