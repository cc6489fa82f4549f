package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The whole story in the browser: a seller sells, a buyer finds the ticket, buys it and pays. */
class StorefrontJourneyIT {

    @RegisterExtension final Browsers browsers = new Browsers();

    @Test
    void aSellerSellsAndABuyerBuysPaysAndSeesTheOrder() {
        String title = Marketplace.uniqueTitle("Jazz night, row F");

        // The seller signs up and puts a ticket on sale; the price is tidied when the field is
        // left.
        Shopper seller = browsers.open("seller");
        seller.home();
        seller.signUp(Shopper.newEmail("seller"));
        seller.assertSignedIn();
        seller.driver().findElement(By.id("nav-sell")).click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:title")));
        seller.fillTicketForm(title, "20");
        seller.driver().findElement(By.id("ticket:price")).sendKeys(Keys.TAB);
        assertEquals(
                "20.00", seller.driver().findElement(By.id("ticket:price")).getAttribute("value"));
        seller.screenshot("sell-filled");
        seller.submit(By.id("ticket:submit"), "sold");
        String ticketId = seller.idInUrl();
        assertEquals(title, seller.text(By.id("ticket-title")));
        assertEquals("$20.00", seller.text(By.id("ticket-price")));
        assertTrue(seller.present(By.id("edit")), "the seller gets Edit");
        assertFalse(
                seller.present(By.id("purchase:submit")), "the seller cannot buy their own ticket");

        // The buyer signs up, lands on the home page signed in, and finds the ticket there.
        Shopper buyer = browsers.open("buyer");
        buyer.home();
        buyer.driver().findElement(By.id("nav-signup")).click();
        buyer.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("signup:email")));
        buyer.type(By.id("signup:email"), Shopper.newEmail("buyer"));
        buyer.type(By.id("signup:password"), Shopper.PASSWORD);
        buyer.submit(By.id("signup:submit"), "signed-up");
        buyer.assertSignedIn();
        assertTrue(
                buyer.text(By.id("tickets")).contains(title), "the new ticket is on the home page");
        buyer.screenshotAsPhone("home");
        buyer.driver().findElement(By.linkText(title)).click();
        buyer.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("purchase:submit")));
        buyer.screenshot("ticket");
        assertEquals("$20.00", buyer.text(By.id("ticket-price")));
        assertFalse(buyer.present(By.id("edit")), "only the seller gets Edit");

        // Purchase: the order page counts down the time left to pay, without reloading.
        String orderId = buyer.purchase();
        assertEquals(title, buyer.text(By.id("order-title")));
        assertEquals("$20.00", buyer.text(By.id("order-price")));
        String before = buyer.text(By.id("countdown"));
        buyer.waitFor(
                d -> !before.equals(d.findElement(By.id("countdown")).getText()),
                Duration.ofSeconds(5));
        assertNotEquals(before, buyer.text(By.id("countdown")), "the countdown moves");
        buyer.screenshot("countdown-moved");
        buyer.screenshotAsPhone("order");

        // Pays with the test card that succeeds.
        assertTrue(
                buyer.text(By.id("payment")).contains("Test mode"),
                "the test cards are labelled as such");
        buyer.payWith("card-pays");
        buyer.reloadUntil(
                "/order?id=" + orderId,
                StorefrontJourneyIT::showsPaid,
                Duration.ofSeconds(30),
                "paid");
        assertFalse(buyer.present(By.id("pay:submit")), "a paid order offers no payment form");

        // My orders lists it as paid.
        buyer.driver().findElement(By.id("nav-orders")).click();
        buyer.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("orders")));
        buyer.screenshot("my-orders");
        String row = buyer.text(By.cssSelector("[data-order-id='" + orderId + "']"));
        assertTrue(row.contains(title) && row.contains("$20.00") && row.contains("Paid"), row);

        // The ticket is no longer for sale.
        buyer.reloadUntil(
                "/",
                d -> !d.findElement(By.id("main")).getText().contains(title),
                Duration.ofSeconds(30),
                "home-after");
        seller.ticket(ticketId);
        assertTrue(
                seller.text(By.id("owner-note")).contains("not for sale"),
                seller.text(By.id("owner-note")));
    }

    static boolean showsPaid(WebDriver d) {
        return !d.findElements(By.id("outcome")).isEmpty()
                && d.findElement(By.id("outcome")).getText().contains("Paid")
                && "Paid".equals(d.findElement(By.id("order-status")).getText());
    }
}
