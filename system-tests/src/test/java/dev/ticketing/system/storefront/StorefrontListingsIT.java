package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The marketplace organised around events (docs/api.md, "Events and listings"), in a browser:
 * selling with an event and a seat, searching and filtering with the filters in the URL, paging,
 * and the seller's dashboard with withdrawal and a sale.
 */
class StorefrontListingsIT {

    @RegisterExtension final Browsers browsers = new Browsers();

    private final Marketplace market = new Marketplace();

    /** A word no other test lists, so a search finds only this test's listings. */
    private static String ownWord() {
        return "zx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static String event(String name, String venue, String city, Instant startsAt) {
        return "{\"name\":\""
                + name
                + "\",\"venue\":\""
                + venue
                + "\",\"city\":\""
                + city
                + "\",\"startsAt\":\""
                + startsAt
                + "\"}";
    }

    @Test
    void aSellerListsATicketForAnEventWithItsSeatInTheirOwnTimeZone() {
        String word = ownWord();
        Shopper seller = browsers.open("seller");
        // A seller far from UTC: what they type is their local time.
        ((ChromeDriver) seller.driver())
                .executeCdpCommand(
                        "Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        seller.signUp(Shopper.newEmail("seller"));
        seller.assertSignedIn();
        seller.driver().findElement(By.id("nav-sell")).click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:eventName")));
        seller.fillTicketForm("Floor, standing " + word, "80");
        seller.type(By.id("ticket:eventName"), "Night Sky Tour");
        seller.type(By.id("ticket:venue"), "Arena");
        seller.type(By.id("ticket:city"), "Lyon");
        LocalDateTime local =
                LocalDateTime.now()
                        .plusDays(45)
                        .withHour(19)
                        .withMinute(30)
                        .withSecond(0)
                        .withNano(0);
        WebElement startsAt = seller.driver().findElement(By.id("ticket:startsAt"));
        ((JavascriptExecutor) seller.driver())
                .executeScript("arguments[0].value = arguments[1]", startsAt, local.toString());
        seller.type(By.id("ticket:section"), "A");
        seller.type(By.id("ticket:seatNumber"), "14");
        String zone = seller.driver().findElement(By.id("ticket:timeZone")).getAttribute("value");
        assertEquals("Asia/Tokyo", zone, "the page names the seller's time zone");
        seller.screenshot("sell-with-event");
        seller.submit(By.id("ticket:submit"), "listed-with-event");

        String id = seller.idInUrl();
        assertTrue(seller.text(By.id("ticket-event")).contains("Night Sky Tour"));
        assertTrue(seller.text(By.id("ticket-event")).contains("Arena, Lyon"));
        assertEquals("Section A · Seat 14", seller.text(By.id("ticket-seat")));
        // Stored as the instant the seller meant, in their own time zone.
        HttpApi.Reply stored = new HttpApi().get(ServiceUnderTest.url("/api/tickets/" + id));
        assertEquals(
                local.atZone(ZoneId.of(zone)).toInstant(),
                Instant.parse(stored.json().getJsonObject("event").getString("startsAt")));
        seller.screenshotAsPhone("ticket-with-event");

        // A partly described event is refused field by field, next to the fields.
        seller.driver().findElement(By.id("nav-sell")).click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:eventName")));
        seller.fillTicketForm("Balcony " + word, "30");
        seller.type(By.id("ticket:eventName"), "Night Sky Tour");
        seller.submit(By.id("ticket:submit"), "sell-event-incomplete");
        assertEquals("Venue is required", seller.fieldMessage("ticket:venue-error"));
        assertEquals("City is required", seller.fieldMessage("ticket:city-error"));
        assertEquals("Event start is required", seller.fieldMessage("ticket:startsAt-error"));
    }

    @Test
    void aBuyerSearchesAndFiltersWithEverythingInTheUrlAndPagesToTheEnd() {
        String word = ownWord();
        String session = market.signUp(Shopper.newEmail("lister"));
        Instant soon = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String lyon =
                market.sellFor(
                        session,
                        "Lyon " + word,
                        "45",
                        event("Jazz à Vienne", "Théâtre", "Lyon", soon));
        String paris =
                market.sellFor(
                        session,
                        "Paris " + word,
                        "25",
                        event("Jazz à Vienne", "Olympia", "Paris", soon.plus(2, ChronoUnit.DAYS)));
        for (int i = 0; i < 13; i++) {
            market.sellFor(
                    session,
                    "Bulk " + word + " " + i,
                    "10",
                    event("Bulk", "Hall", "Nantes", soon.plus(20 + i, ChronoUnit.DAYS)));
        }

        Shopper buyer = browsers.open("buyer");
        buyer.home();
        buyer.type(By.id("search-q"), "JAZZ a " + word);
        buyer.type(By.id("search-city"), "lyon");
        buyer.submit(By.id("search-submit"), "searched");
        String url = buyer.driver().getCurrentUrl();
        assertTrue(url.contains("q=JAZZ+a+" + word) && url.contains("city=lyon"), url);
        assertEquals(List.of("Lyon " + word), titles(buyer));
        assertTrue(buyer.text(By.id("tickets")).contains("Théâtre, Lyon"), "labelled by event");

        // Another filter, sorted by price: the previous search is one Back away.
        buyer.type(By.id("search-city"), "");
        new Select(buyer.driver().findElement(By.id("search-sort"))).selectByValue("cheapest");
        buyer.submit(By.id("search-submit"), "sorted-cheapest");
        assertEquals(List.of("Paris " + word, "Lyon " + word), titles(buyer));
        assertEquals(
                "cheapest",
                new Select(buyer.driver().findElement(By.id("search-sort")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        buyer.driver().navigate().back();
        buyer.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("search-q")));
        assertEquals(
                "lyon", buyer.driver().findElement(By.id("search-city")).getAttribute("value"));
        assertEquals(List.of("Lyon " + word), titles(buyer));

        // A shared link shows the same search; nothing matching says what to change.
        buyer.open("/?q=" + word + "&maxPrice=20&sort=soonest", "shared-search");
        assertEquals(
                "soonest",
                new Select(buyer.driver().findElement(By.id("search-sort")))
                        .getFirstSelectedOption()
                        .getAttribute("value"),
                "the page shows the link's order");
        assertEquals("20", buyer.driver().findElement(By.id("search-max")).getAttribute("value"));
        assertEquals(12, titles(buyer).size(), "a page of twelve");
        assertTrue(titles(buyer).stream().allMatch(t -> t.startsWith("Bulk " + word)));
        Set<String> seen = new HashSet<>(titles(buyer));
        buyer.clickBelowTheFold(buyer.driver().findElement(By.id("page-more")));
        buyer.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("page-first")));
        buyer.screenshot("second-page");
        assertEquals(1, titles(buyer).size());
        seen.addAll(titles(buyer));
        assertEquals(13, seen.size(), "every listing once");
        assertFalse(buyer.present(By.id("page-more")), "the last page");

        buyer.open("/?q=" + word + "&city=Reykjavik", "no-match");
        assertTrue(buyer.present(By.id("no-match")));
        assertTrue(buyer.text(By.id("no-match")).contains("another city"));
        buyer.screenshotAsPhone("no-match");
        assertTrue(buyer.present(By.id("search-clear")), "a way back to everything");
    }

    @Test
    void theDatesABuyerPicksAreTheirOwnDays() {
        String word = ownWord();
        String session = market.signUp(Shopper.newEmail("lister"));
        // 23:30 UTC on day d is already d + 1, 08:30, in Tokyo.
        LocalDate d = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        market.sellFor(
                session,
                "Late show " + word,
                "30",
                event(
                        "Late show",
                        "Club Quattro",
                        "Osaka",
                        d.atTime(23, 30).toInstant(ZoneOffset.UTC)));

        Shopper buyer = browsers.open("buyer");
        ((ChromeDriver) buyer.driver())
                .executeCdpCommand(
                        "Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        buyer.home();
        searchDays(buyer, word, d.plusDays(1));
        String url = buyer.driver().getCurrentUrl();
        assertTrue(url.contains("tz=Asia%2FTokyo"), "the URL names the buyer's zone: " + url);
        assertEquals(List.of("Late show " + word), titles(buyer), "on the Tokyo day it happens");
        assertEquals(
                d.plusDays(1).toString(),
                buyer.driver().findElement(By.id("search-from")).getAttribute("value"),
                "the form shows the day the buyer picked");

        searchDays(buyer, word, d);
        assertTrue(buyer.present(By.id("no-match")), "not on the UTC day, which Tokyo has passed");
    }

    /** Searches {@code word} on one day, picked in the date fields as a buyer would. */
    private static void searchDays(Shopper buyer, String word, LocalDate day) {
        buyer.type(By.id("search-q"), word);
        for (String field : List.of("search-from", "search-to")) {
            ((JavascriptExecutor) buyer.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            buyer.driver().findElement(By.id(field)),
                            day.toString());
        }
        buyer.submit(By.id("search-submit"), "search-day-" + day);
    }

    @Test
    void aSellerWithManyListingsPagesThroughThemAll() {
        String word = ownWord();
        String email = Shopper.newEmail("busy-seller");
        String session = market.signUp(email);
        List<String> listed = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            listed.add(0, market.sell(session, "Listing " + i + " " + word, "10")); // newest first
        }

        Shopper seller = browsers.open("busy-seller");
        seller.signIn(email, Shopper.PASSWORD);
        seller.open("/listings", "listings-first-page");
        assertEquals(listed.subList(0, 20), listingIds(seller), "the newest twenty");
        assertFalse(seller.present(By.id("listings-newer")));
        seller.clickBelowTheFold(seller.driver().findElement(By.id("listings-older")));
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("listings-newer")));
        seller.screenshot("listings-older");
        assertEquals(listed.subList(20, 21), listingIds(seller), "then the oldest");
        assertFalse(seller.present(By.id("listings-older")), "the last page");
        assertFalse(seller.present(By.id("empty-state")));
        seller.driver().findElement(By.id("listings-newer")).click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("listings-older")));
        assertEquals(listed.subList(0, 20), listingIds(seller));
        seller.open("/listings?offset=-3", "listings-bad-offset");
        assertEquals(listed.subList(0, 20), listingIds(seller), "a bad offset is the first page");
    }

    private static List<String> listingIds(Shopper shopper) {
        return shopper.driver().findElements(By.cssSelector("#listings .listing-row")).stream()
                .map(row -> row.getAttribute("data-ticket-id"))
                .toList();
    }

    @Test
    void aSellerSeesEveryListingWithdrawsOneAfterConfirmingAndSeesASaleWithItsDate() {
        String word = ownWord();
        Shopper seller = browsers.open("dashboard");
        String email = Shopper.newEmail("dashboard");
        seller.signUp(email);
        seller.assertSignedIn();
        String kept = seller.sell("Kept " + word, "15");
        String withdrawn = seller.sell("Withdrawn " + word, "20");
        String sold = seller.sell("Sold " + word, "25");

        // A buyer buys one, through the API.
        String buyer = market.signUp(Shopper.newEmail("buyer"));
        String order = market.reserve(buyer, sold);
        market.pay(buyer, order);

        seller.driver().findElement(By.id("nav-listings")).click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("listings")));
        assertTrue(row(seller, kept).contains("On sale"), row(seller, kept));
        seller.reloadUntil(
                "/listings",
                d -> row(seller, sold).contains("Sold on"),
                Duration.ofSeconds(30),
                "dashboard-sold");
        assertTrue(row(seller, sold).contains("Sold"), row(seller, sold));
        assertFalse(
                seller.present(By.cssSelector("[data-ticket-id='" + sold + "'] .listing-withdraw")),
                "a sold listing cannot be withdrawn");

        // Withdraw, after a confirmation that also offers to keep it.
        seller.driver()
                .findElement(
                        By.cssSelector("[data-ticket-id='" + withdrawn + "'] .listing-withdraw"))
                .click();
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("withdraw:confirm")));
        assertTrue(seller.text(By.id("withdraw-title")).contains("Withdrawn " + word));
        assertTrue(seller.present(By.id("keep")));
        seller.screenshot("withdraw-confirm");
        seller.submit(By.id("withdraw:confirm"), "withdrawn");
        seller.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("listings")));
        assertTrue(seller.alerts().contains("withdrawn"), seller.alerts());
        assertTrue(row(seller, withdrawn).contains("Withdrawn"), row(seller, withdrawn));
        assertFalse(
                seller.present(
                        By.cssSelector("[data-ticket-id='" + withdrawn + "'] .listing-withdraw")));
        seller.screenshotAsPhone("dashboard");

        // Buyers no longer find it, and its page says why.
        seller.open("/?q=" + word, "search-after-withdrawal");
        assertEquals(List.of("Kept " + word), titles(seller));
        seller.ticket(withdrawn);
        assertTrue(seller.text(By.id("gone-notice")).contains("withdrawn"));

        // Someone else's listing: the confirmation is refused, and the listing stays on sale.
        Shopper other = browsers.open("other");
        other.signUp(Shopper.newEmail("other"));
        other.assertSignedIn();
        other.open("/withdraw?id=" + kept, "withdraw-not-yours");
        // Back on their own (empty) dashboard, with the reason.
        other.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("empty-state")));
        assertTrue(other.alerts().contains("Only the seller"), other.alerts());
        assertFalse(other.present(By.id("withdraw:confirm")));
        seller.open("/listings", "dashboard-after-other");
        assertTrue(row(seller, kept).contains("On sale"), row(seller, kept));
    }

    private static String row(Shopper shopper, String ticketId) {
        return shopper.text(By.cssSelector("[data-ticket-id='" + ticketId + "']"));
    }

    private static List<String> titles(Shopper shopper) {
        return shopper.driver().findElements(By.cssSelector("#tickets .ticket-link")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
