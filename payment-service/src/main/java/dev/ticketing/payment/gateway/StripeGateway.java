package dev.ticketing.payment.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import dev.ticketing.payment.checkout.PaymentGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Stripe through stripe-java: one PaymentIntent per charge, created and confirmed in one call with
 * the buyer's card token ({@code tok_...}) or payment method ({@code pm_...}), amount in cents, and
 * the caller's idempotency key (stripe-java's own network retries reuse it). The API base is
 * configurable so tests point the real client at a local fake of Stripe's HTTP API.
 */
public final class StripeGateway implements PaymentGateway {
    /** The metadata entry of a transfer that names the payout's key. */
    static final String PAYOUT_KEY = "payoutKey";

    /** Stripe's error code for a refund of a payment already refunded in full. */
    static final String ALREADY_REFUNDED = "charge_already_refunded";

    /** The metadata entry of a PaymentIntent that names the charge's key. */
    static final String CHARGE_KEY = "chargeKey";

    /**
     * How old a charge's key must be before Stripe is searched for it: well after Stripe's search
     * shows a new PaymentIntent, well before Stripe forgets the key (24 h).
     */
    static final Duration SEARCH_AFTER = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

    /** Stripe's own advice: up to 15 s per call, retried twice with the same idempotency key. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final StripeClient stripe;

    public StripeGateway(String secretKey, String apiBase) {
        this(secretKey, apiBase, DEFAULT_TIMEOUT);
    }

    public StripeGateway(String secretKey, String apiBase, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        StripeClient.StripeClientBuilder builder =
                StripeClient.builder()
                        .setApiKey(secretKey)
                        .setConnectTimeout(millis)
                        .setReadTimeout(millis)
                        .setMaxNetworkRetries(2);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        this.stripe = builder.build();
    }

    /**
     * A confirmed PaymentIntent, once per key. Stripe forgets a key after 24 hours, so a key first
     * sent more than {@link #SEARCH_AFTER} ago is looked for first, by the key the PaymentIntent
     * carries in its metadata: an attempt finished a day later (Stripe or this service away that
     * long after a charge whose answer was lost) gets the charge Stripe made, not a second one.
     */
    @Override
    public Charge charge(ChargeRequest request) {
        if (request.askedSince() != null
                && request.askedSince().isBefore(Instant.now().minus(SEARCH_AFTER))) {
            try {
                Optional<PaymentIntent> made = paymentIntentMadeFor(request.idempotencyKey());
                if (made.isPresent()) {
                    return new Charge(
                            made.get().getId(), made.get().getAmount(), made.get().getCurrency());
                }
            } catch (StripeException e) {
                throw new GatewayUnavailable("Stripe could not be searched: " + e.getMessage(), e);
            }
        }
        PaymentIntentCreateParams.Builder params =
                PaymentIntentCreateParams.builder()
                        .setAmount(request.amountCents())
                        .setCurrency(request.currency())
                        .setConfirm(true)
                        .addPaymentMethodType("card")
                        .setDescription("Ticketing order " + request.orderId())
                        .putMetadata("orderId", request.orderId())
                        .putMetadata(CHARGE_KEY, request.idempotencyKey());
        if (request.paymentMethod().startsWith("tok_")) {
            // A card token (Stripe.js / test tokens) becomes a card payment method on the fly.
            params.putExtraParam(
                    "payment_method_data",
                    Map.of("type", "card", "card", Map.of("token", request.paymentMethod())));
        } else {
            params.setPaymentMethod(request.paymentMethod());
        }
        RequestOptions options =
                RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params.build(), options);
            if (!"succeeded".equals(intent.getStatus())) {
                // requires_action (3-D Secure) and the like: this checkout cannot complete them.
                throw new CardDeclined(
                        "The payment could not be completed (status " + intent.getStatus() + ")");
            }
            return new Charge(intent.getId(), intent.getAmount(), intent.getCurrency());
        } catch (CardException e) {
            throw new CardDeclined(buyerMessage(e, "Your card was declined."));
        } catch (InvalidRequestException e) {
            // A bad token or payment method is the buyer's input, not our failure.
            throw new CardDeclined(buyerMessage(e, "The payment method is invalid."));
        } catch (ApiConnectionException e) {
            throw new GatewayUnavailable("Stripe could not be reached", e);
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe refused the charge: " + e.getMessage(), e);
        }
    }

    @Override
    public String refund(String chargeId, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(chargeId).build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            Refund refund = stripe.v1().refunds().create(params, options);
            LOG.info(() -> "refunded Stripe payment " + chargeId + ": refund " + refund.getId());
            return refund.getId();
        } catch (InvalidRequestException e) {
            if (!ALREADY_REFUNDED.equals(e.getCode())) {
                throw new GatewayUnavailable(
                        "Stripe refund of " + chargeId + " failed: " + e.getMessage(), e);
            }
            // Asked again after Stripe forgot the key (24 h) of a refund whose answer was lost:
            // the refund made is the answer, or the refund owed would be retried for ever.
            return refundMadeOf(chargeId)
                    .orElseThrow(
                            () ->
                                    new GatewayUnavailable(
                                            "Stripe says "
                                                    + chargeId
                                                    + " is refunded but lists no refund",
                                            e));
        } catch (StripeException e) {
            throw new GatewayUnavailable(
                    "Stripe refund of " + chargeId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A Stripe Connect transfer of the seller's net to their connected account, grouped with the
     * order's charge ({@code transfer_group}); the payout's key makes a repeat the same transfer.
     * Stripe forgets a key after 24 hours, so a transfer the payout's key already made is looked
     * for first: a payout retried later than that (the service or Stripe away for a day after a
     * transfer whose answer was lost) finds it instead of paying the seller twice.
     */
    @Override
    public String transfer(TransferRequest request) {
        if (request.destination() == null || request.destination().isBlank()) {
            throw new GatewayUnavailable(
                    "seller "
                            + request.sellerId()
                            + " has no connected Stripe account: the payout of order "
                            + request.orderId()
                            + " waits",
                    null);
        }
        TransferCreateParams params =
                TransferCreateParams.builder()
                        .setAmount(request.amountCents())
                        .setCurrency(request.currency())
                        .setDestination(request.destination())
                        .setTransferGroup(request.orderId())
                        .putMetadata("orderId", request.orderId())
                        .putMetadata("sellerId", request.sellerId())
                        .putMetadata(PAYOUT_KEY, request.idempotencyKey())
                        .build();
        RequestOptions options =
                RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        try {
            Optional<String> made = transferMadeFor(request);
            if (made.isPresent()) {
                return made.get();
            }
            Transfer transfer = stripe.v1().transfers().create(params, options);
            LOG.info(
                    () ->
                            "paid seller "
                                    + request.sellerId()
                                    + " for order "
                                    + request.orderId()
                                    + ": Stripe transfer "
                                    + transfer.getId());
            return transfer.getId();
        } catch (StripeException e) {
            throw new GatewayUnavailable(
                    "Stripe transfer for order " + request.orderId() + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** A refund of the PaymentIntent that did not fail, if any. */
    private Optional<String> refundMadeOf(String chargeId) {
        try {
            RefundListParams ofCharge =
                    RefundListParams.builder().setPaymentIntent(chargeId).setLimit(100L).build();
            return stripe.v1().refunds().list(ofCharge).getData().stream()
                    .filter(
                            r ->
                                    !"failed".equals(r.getStatus())
                                            && !"canceled".equals(r.getStatus()))
                    .map(Refund::getId)
                    .findFirst();
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe refunds of " + chargeId + " not listed", e);
        }
    }

    /**
     * The PaymentIntent that succeeded with this key, if any. Stripe's search sees a PaymentIntent
     * about a minute after it is made, long before {@link #SEARCH_AFTER}.
     */
    private Optional<PaymentIntent> paymentIntentMadeFor(String key) throws StripeException {
        PaymentIntentSearchParams query =
                PaymentIntentSearchParams.builder()
                        .setQuery(
                                "metadata['" + CHARGE_KEY + "']:'" + key.replace("'", "\\'") + "'")
                        .build();
        return stripe.v1().paymentIntents().search(query).getData().stream()
                .filter(intent -> "succeeded".equals(intent.getStatus()))
                .filter(intent -> intent.getMetadata() != null)
                .filter(intent -> key.equals(intent.getMetadata().get(CHARGE_KEY)))
                .findFirst();
    }

    /**
     * The transfer this payout's key made, if any: the order's transfer group listed (a list,
     * unlike a search, shows a transfer at once), matched on the key the transfer carries in its
     * metadata.
     */
    private Optional<String> transferMadeFor(TransferRequest request) throws StripeException {
        TransferListParams group =
                TransferListParams.builder()
                        .setTransferGroup(request.orderId())
                        .setLimit(100L)
                        .build();
        return stripe.v1().transfers().list(group).getData().stream()
                .filter(t -> t.getMetadata() != null)
                .filter(t -> request.idempotencyKey().equals(t.getMetadata().get(PAYOUT_KEY)))
                .map(Transfer::getId)
                .findFirst();
    }

    /** Stripe Connect transfers go to a connected account ({@code acct_...}) only. */
    @Override
    public boolean paysOnlyToAnAccount() {
        return true;
    }

    @Override
    public String name() {
        return "stripe";
    }

    private static String buyerMessage(StripeException e, String fallback) {
        if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
            return e.getStripeError().getMessage();
        }
        return fallback;
    }
}
