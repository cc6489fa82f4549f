package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The ticket itself, through the storefront (docs/api.md, "Delivery and payouts"): the seller is
 * reminded to attach it and attaches a PDF from the ticket page; the buyer who paid gets "Download
 * your ticket", which hands over exactly that file; nobody else can have it.
 */
class StorefrontTicketFileIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @RegisterExtension final Browsers browsers = new Browsers();

    private final Marketplace marketplace = new Marketplace();

    /** A small but whole PDF. */
    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% row 7, seat 12\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** GET a storefront path with a browser's session, as its download link would. */
    private static HttpResponse<byte[]> fetch(Shopper who, String path) throws Exception {
        Cookie session = who.driver().manage().getCookieNamed("session");
        HttpRequest.Builder get =
                HttpRequest.newBuilder(URI.create(Shopper.url(path)))
                        .timeout(Duration.ofSeconds(30));
        if (session != null) {
            get.header("Cookie", "session=" + session.getValue());
        }
        return HTTP.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theSellerAttachesTheTicketAndThePayingBuyerDownloadsIt() throws Exception {
        Shopper seller = browsers.open("seller");
        seller.signUp(Shopper.newEmail("seller"));
        seller.open("/sell", "sell-payout-note");
        assertEquals(
                "You receive the price less the marketplace's 10% fee, paid out 2 days after the"
                        + " event.",
                seller.text(By.id("payout-note")));
        String title = Marketplace.uniqueTitle("Jazz night, row 7");
        String ticketId = seller.sell(title, "64");

        // Listed without the ticket: My listings and the ticket page remind the seller, who
        // attaches it right there.
        By attachInListings = By.cssSelector("[data-ticket-id='" + ticketId + "'] .listing-attach");
        seller.open("/listings", "listings-attach-reminder");
        assertTrue(seller.present(attachInListings), "My listings asks for the file");
        seller.ticket(ticketId);
        assertTrue(seller.text(By.id("file-reminder")).contains("Attach the ticket"));
        assertTrue(
                seller.text(By.id("seller-net"))
                        .startsWith(
                                "When it sells you receive $57.60: the price less the marketplace’s"
                                        + " 10% fee ($6.40)"),
                seller.text(By.id("seller-net")));
        seller.screenshot("ticket-file-reminder");
        Path file = Files.createTempFile("ticket-", ".pdf");
        Files.write(file, pdf());
        seller.driver().findElement(By.id("attach:file")).sendKeys(file.toString());
        seller.submit(By.id("attach:submit"), "ticket-file-attached");
        assertTrue(
                seller.alerts().contains("The ticket is attached"), "alerts: " + seller.alerts());
        assertTrue(seller.present(By.id("file-attached")));
        assertFalse(seller.present(By.id("file-reminder")));
        seller.open("/listings", "listings-file-attached");
        assertFalse(seller.present(attachInListings), "no reminder once attached");
        seller.ticket(ticketId);
        HttpResponse<byte[]> sellersCopy = fetch(seller, "/ticket-file?id=" + ticketId);
        assertEquals(200, sellersCopy.statusCode());
        assertArrayEquals(pdf(), sellersCopy.body(), "the seller can check what they attached");

        // A file that is not what it claims to be is refused with the reason.
        Path fake = Files.createTempFile("not-a-ticket-", ".pdf");
        Files.writeString(fake, "just some text");
        seller.driver().findElement(By.id("attach:file")).sendKeys(fake.toString());
        seller.submit(By.id("attach:submit"), "ticket-file-refused");
        assertTrue(
                seller.alerts().contains("The ticket file is not a valid PDF"),
                "alerts: " + seller.alerts());

        // The buyer pays and downloads it.
        Shopper buyer = browsers.open("buyer");
        buyer.signUp(Shopper.newEmail("buyer"));
        buyer.ticket(ticketId);
        String orderId = buyer.purchase();
        assertFalse(buyer.present(By.id("download-ticket")), "nothing to download before paying");
        HttpResponse<byte[]> early = fetch(buyer, "/ticket-file?id=" + ticketId);
        assertEquals(404, early.statusCode(), "not the buyer's until the order is paid");
        buyer.payWith("card-pays");
        buyer.reloadUntil(
                "/order?id=" + orderId,
                d -> !d.findElements(By.id("download-ticket")).isEmpty(),
                Duration.ofSeconds(30),
                "order-download");
        assertEquals("Download your ticket", buyer.text(By.id("download-ticket")));
        buyer.screenshotAsPhone("order-download-phone");

        String link = buyer.driver().findElement(By.id("download-ticket")).getAttribute("href");
        HttpResponse<byte[]> download = fetch(buyer, link.substring(link.indexOf("/ticket-file")));
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf(), download.body(), "exactly the file the seller attached");
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "attachment; filename=\"ticket-" + ticketId + ".pdf\"",
                download.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(download.headers().firstValue("Cache-Control").orElse("").contains("no-store"));

        // Nobody else: another signed-in user, or a visitor who is sent to sign in.
        Shopper stranger = browsers.open("stranger");
        stranger.signUp(Shopper.newEmail("stranger"));
        assertEquals(404, fetch(stranger, "/ticket-file?id=" + ticketId).statusCode());
        stranger.open("/ticket-file?id=" + ticketId, "ticket-file-stranger");
        assertTrue(
                stranger.present(By.id("main"))
                        && !stranger.driver().getPageSource().contains("%PDF"),
                "the stranger sees a page, not the ticket");
        HttpResponse<byte[]> anonymous =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(Shopper.url("/ticket-file?id=" + ticketId)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(302, anonymous.statusCode());
        assertTrue(
                anonymous.headers().firstValue("Location").orElse("").contains("/signin?next="),
                anonymous.headers().toString());
        assertFalse(Arrays.equals(pdf(), anonymous.body()));

        // The seller is owed the price less the fee, from after the event: on My listings ...
        By listingPayout = By.cssSelector("[data-ticket-id='" + ticketId + "'] .listing-payout");
        seller.reloadUntil(
                "/listings",
                d -> !d.findElements(listingPayout).isEmpty(),
                Duration.ofSeconds(30),
                "listings-payout");
        assertTrue(
                seller.text(listingPayout).startsWith("You receive $57.60, pending from"),
                seller.text(listingPayout));
        // ... and on the payouts page.
        seller.open("/payouts", "payouts-pending");
        By row = By.cssSelector("[data-order-id='" + orderId + "']");
        assertTrue(seller.present(row), "the sale's payout is listed");
        assertEquals(
                "$64.00",
                seller.text(By.cssSelector("[data-order-id='" + orderId + "'] .payout-amount")));
        assertEquals(
                "$6.40",
                seller.text(By.cssSelector("[data-order-id='" + orderId + "'] .payout-fee")));
        assertEquals(
                "$57.60",
                seller.text(By.cssSelector("[data-order-id='" + orderId + "'] .payout-net")));
        assertEquals(
                "Pending",
                seller.text(By.cssSelector("[data-order-id='" + orderId + "'] .payout-status")));
        assertEquals(
                title,
                seller.text(By.cssSelector("[data-order-id='" + orderId + "'] .payout-ticket")));
        assertEquals("$57.60", seller.text(By.id("total-pending")));
        assertEquals("$0.00", seller.text(By.id("total-paid")));
        seller.screenshotAsPhone("payouts-phone");

        // Where the money goes: a Stripe connected account, checked by payment-service.
        seller.driver().findElement(By.id("account:accountId")).sendKeys("my bank");
        seller.submit(By.id("account:save"), "payouts-account-refused");
        assertTrue(
                seller.text(By.id("account:accountId-error"))
                        .startsWith("AccountId must be a Stripe connected account id"),
                seller.text(By.id("account:accountId-error")));
        seller.driver().findElement(By.id("account:accountId")).clear();
        seller.driver().findElement(By.id("account:accountId")).sendKeys("acct_1StorefrontIT");
        seller.submit(By.id("account:save"), "payouts-account-saved");
        assertTrue(
                seller.alerts().contains("Your payouts will be transferred to acct_1StorefrontIT"),
                "alerts: " + seller.alerts());
        assertEquals("Your Stripe account: acct_1StorefrontIT", seller.text(By.id("account-now")));
        assertTrue(buyer.present(By.id("nav-payouts")));
        buyer.open("/payouts", "payouts-none");
        assertTrue(buyer.present(By.id("empty-state")), "the buyer sold nothing");
    }

    @Test
    void aSellerAttachesTheTicketWhileListingIt() throws Exception {
        Shopper seller = browsers.open("seller");
        seller.signUp(Shopper.newEmail("seller"));
        Path file = Files.createTempFile("ticket-", ".pdf");
        Files.write(file, pdf());
        seller.driver().findElement(By.id("nav-sell")).click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:file")));
        seller.fillTicketForm(Marketplace.uniqueTitle("Cup final, block C"), "90");
        seller.driver().findElement(By.id("ticket:file")).sendKeys(file.toString());
        seller.submit(By.id("ticket:submit"), "sold-with-file");
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-title")));
        String ticketId = seller.idInUrl();
        assertTrue(seller.present(By.id("file-attached")), "listed with its file");
        assertArrayEquals(pdf(), fetch(seller, "/ticket-file?id=" + ticketId).body());

        // A file that is refused does not undo the listing: the page says why, and asks again.
        Path fake = Files.createTempFile("not-a-ticket-", ".png");
        Files.writeString(fake, "not an image");
        seller.driver().findElement(By.id("nav-sell")).click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:file")));
        seller.fillTicketForm(Marketplace.uniqueTitle("Cup final, block D"), "85");
        seller.driver().findElement(By.id("ticket:file")).sendKeys(fake.toString());
        seller.submit(By.id("ticket:submit"), "sold-file-refused");
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-title")));
        String alerts = seller.alerts();
        assertTrue(alerts.contains("Your ticket is on sale."), alerts);
        assertTrue(
                alerts.contains(
                        "The ticket file was not attached: The ticket file is not a valid PNG image"),
                alerts);
        assertTrue(seller.present(By.id("file-reminder")));
    }

    @Test
    void aBuyerOfATicketWithoutAFileIsToldTheSellerWillAttachIt() {
        String seller = marketplace.signUp(Shopper.newEmail("seller"));
        String ticketId =
                marketplace.sell(seller, Marketplace.uniqueTitle("Derby, no file yet"), "20");

        Shopper buyer = browsers.open("buyer");
        buyer.signUp(Shopper.newEmail("buyer"));
        buyer.ticket(ticketId);
        String orderId = buyer.purchase();
        buyer.payWith("card-pays");
        buyer.reloadUntil(
                "/order?id=" + orderId,
                StorefrontJourneyIT::showsPaid,
                Duration.ofSeconds(30),
                "order-no-file");
        buyer.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-file-pending")));
        assertTrue(buyer.text(By.id("ticket-file-pending")).contains("The seller will attach"));
        assertFalse(buyer.present(By.id("download-ticket")));
    }
}
