package dev.ticketing.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedbackTest {

    @Test
    void aThrottledVisitorIsToldHowLongToWait() {
        assertEquals(
                "Too many attempts. Please wait 1 second and try again.",
                Feedback.throttled(Duration.ofMillis(300)));
        assertEquals(
                "Too many attempts. Please wait 8 seconds and try again.",
                Feedback.throttled(Duration.ofSeconds(8)));
        assertEquals(
                "Too many attempts. Please wait 3 minutes and try again.",
                Feedback.throttled(Duration.ofSeconds(150)));
        assertEquals(
                "Too many attempts. Please wait a minute and try again.", Feedback.throttled(null));
    }
}
