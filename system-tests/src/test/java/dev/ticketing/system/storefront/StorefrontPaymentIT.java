package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** How an order ends when it is not simply paid: a declined card, and time running out. */
class StorefrontPaymentIT {

    @RegisterExtension final Browsers browsers = new Browsers();

    private final Marketplace marketplace = new Marketplace();

    @Test
    void aDeclinedCardSaysWhyAndTheBuyerCanStillPay() {
        String title = Marketplace.uniqueTitle("Opera, box 3");
        String ticketId =
                marketplace.sell(marketplace.signUp(Shopper.newEmail("seller")), title, "45.50");

        Shopper buyer = browsers.open("buyer");
        buyer.signUp(Shopper.newEmail("buyer"));
        buyer.ticket(ticketId);
        String orderId = buyer.purchase();

        buyer.payWith("card-declined");
        String alerts = buyer.alerts();
        assertTrue(alerts.contains("declined"), alerts);
        assertTrue(
                alerts.contains("Your card was declined."),
                "the card's reason is shown: " + alerts);
        assertTrue(buyer.present(By.id("pay:submit")), "the buyer can try another card");

        buyer.payWith("card-pays");
        buyer.reloadUntil(
                "/order?id=" + orderId,
                StorefrontJourneyIT::showsPaid,
                Duration.ofSeconds(30),
                "paid");
    }

    @Test
    void anOrderNotPaidInTimeExpiresOnThePageAndReleasesTheTicket() {
        String title = Marketplace.uniqueTitle("Football, stand B");
        String ticketId =
                marketplace.sell(marketplace.signUp(Shopper.newEmail("seller")), title, "30");

        Shopper buyer = browsers.open("buyer");
        buyer.signUp(Shopper.newEmail("buyer"));
        buyer.ticket(ticketId);
        String orderId = buyer.purchase();

        // The countdown reaches zero in the open page: it says so and the payment form goes away.
        buyer.waitFor(
                ExpectedConditions.visibilityOfElementLocated(By.id("expired-notice")),
                Duration.ofSeconds(40));
        buyer.screenshot("countdown-at-zero");
        String clock = buyer.driver().findElement(By.id("countdown")).getAttribute("textContent");
        assertTrue("0:00".equals(clock), "the countdown stopped at " + clock);
        assertFalse(
                buyer.driver().findElement(By.id("pay:submit")).isDisplayed(),
                "no paying after the deadline");

        // The marketplace expires the order, and the ticket goes back on sale.
        buyer.reloadUntil(
                "/order?id=" + orderId,
                d ->
                        d.findElement(By.id("order-status")).getText().equals("Expired")
                                && d.findElements(By.id("pay:submit")).isEmpty(),
                Duration.ofSeconds(60),
                "expired");
        assertTrue(buyer.text(By.id("outcome")).contains("Expired"), buyer.text(By.id("outcome")));
        buyer.reloadUntil(
                "/",
                d -> d.findElement(By.id("main")).getText().contains(title),
                Duration.ofSeconds(60),
                "home-ticket-back");
        buyer.open("/orders", "my-orders");
        assertTrue(
                buyer.text(By.cssSelector("[data-order-id='" + orderId + "']"))
                        .contains("Expired"));
    }
}
