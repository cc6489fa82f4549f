package dev.ticketing.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sell page's words for payment-service's release delay. */
class SellPageTest {

    @Test
    void theReleaseDelayReadsInDaysOrHours() {
        assertEquals("2 days after the event", SellPage.after("PT48H"));
        assertEquals("1 day after the event", SellPage.after("P1D"));
        assertEquals("6 hours after the event", SellPage.after("PT6H"));
        assertEquals("1 second after the event", SellPage.after("PT1S"));
        assertEquals("90 minutes after the event", SellPage.after("PT90M"));
        assertEquals("36 hours after the event", SellPage.after("PT36H"));
        assertEquals("1 hour after the event", SellPage.after("PT1H"));
        assertEquals("5 minutes after the event", SellPage.after("PT5M"));
        assertEquals("as soon as the event starts", SellPage.after("PT0S"));
        assertEquals("after the event", SellPage.after("soon"));
    }
}
