package dev.ticketing.payment.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.common.errors.ApiException;
import dev.ticketing.payment.checkout.StripeEvents;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the webhook answers for each outcome of verifying an event. */
class StripeWebhookResourceTest {

    @Test
    void withoutAWebhookSecretItAnswers503SoStripeRetriesLater() {
        ApiException refused =
                assertThrows(
                        ApiException.class,
                        () ->
                                webhookWhoseEventsAre(StripeEvents.Result.NOT_CONFIGURED)
                                        .receive("t=1,v1=abc", body()));
        assertEquals(503, refused.status());
        assertEquals("Webhooks are not configured (STRIPE_WEBHOOK_SECRET)", refused.getMessage());
    }

    @Test
    void aBadSignatureOrAnythingButAnEventIsTheSendersFault() {
        for (StripeEvents.Result result :
                new StripeEvents.Result[] {
                    StripeEvents.Result.INVALID_SIGNATURE, StripeEvents.Result.NOT_AN_EVENT
                }) {
            ApiException refused =
                    assertThrows(
                            ApiException.class,
                            () -> webhookWhoseEventsAre(result).receive("t=1,v1=abc", body()));
            assertEquals(400, refused.status(), result.name());
        }
        ApiException unsigned =
                assertThrows(
                        ApiException.class,
                        () ->
                                webhookWhoseEventsAre(StripeEvents.Result.HANDLED)
                                        .receive(" ", body()));
        assertEquals(400, unsigned.status());
    }

    @Test
    void aVerifiedEventIsAcknowledged() {
        assertEquals(
                true,
                webhookWhoseEventsAre(StripeEvents.Result.HANDLED)
                        .receive("t=1,v1=abc", body())
                        .get("received"));
        assertEquals(
                true,
                webhookWhoseEventsAre(StripeEvents.Result.IGNORED)
                        .receive("t=1,v1=abc", body())
                        .get("received"));
    }

    private static StripeWebhookResource webhookWhoseEventsAre(StripeEvents.Result result) {
        StripeWebhookResource webhook = new StripeWebhookResource();
        webhook.stripeEvents =
                new StripeEvents() {
                    @Override
                    public Result receive(String payload, String signature) {
                        return result;
                    }
                };
        return webhook;
    }

    private static byte[] body() {
        return "{\"id\":\"evt_1\",\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8);
    }
}
