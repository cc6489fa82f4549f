package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** A reserved ticket, seen by a second buyer and by its seller. */
class StorefrontReservationIT {

    @RegisterExtension final Browsers browsers = new Browsers();

    private final Marketplace marketplace = new Marketplace();

    @Test
    void aSecondBuyerFindsTheTicketReserved() {
        String title = Marketplace.uniqueTitle("Theatre, stalls");
        String ticketId =
                marketplace.sell(marketplace.signUp(Shopper.newEmail("seller")), title, "60");
        Shopper second = browsers.open("second-buyer");
        second.signUp(Shopper.newEmail("second"));
        second.ticket(ticketId);

        // The first buyer reserves it while the second one looks at the ticket page.
        marketplace.reserve(marketplace.signUp(Shopper.newEmail("first")), ticketId);

        if (second.present(By.id("purchase:submit"))) {
            second.submit(By.id("purchase:submit"), "purchase-refused");
        } else {
            second.ticket(ticketId);
        }
        String notice = second.text(By.id("reserved-notice"));
        assertTrue(notice.contains("reserved"), notice);
        assertFalse(second.present(By.id("purchase:submit")), "no Purchase for a reserved ticket");
        assertFalse(second.alerts().contains("Something went wrong"), second.alerts());
        second.reloadUntil(
                "/",
                d -> !d.findElement(By.id("main")).getText().contains(title),
                Duration.ofSeconds(10),
                "home-without-it");
    }

    @Test
    void aSellerCannotEditAReservedTicket() {
        String title = Marketplace.uniqueTitle("Festival pass");
        Shopper seller = browsers.open("seller");
        seller.signUp(Shopper.newEmail("seller"));
        String ticketId = seller.sell(title, "120");

        marketplace.reserve(marketplace.signUp(Shopper.newEmail("buyer")), ticketId);

        // The catalog learns of the reservation from an event: the edit page refuses once it has.
        seller.reloadUntil(
                "/edit?id=" + ticketId,
                d -> d.findElement(By.id("messages")).getText().contains("reserved"),
                Duration.ofSeconds(10),
                "edit-refused");
        assertTrue(seller.alerts().contains("can't be edited"), seller.alerts());
        assertFalse(
                seller.driver().findElement(By.id("ticket:submit")).isEnabled(),
                "the form cannot be sent");
        assertTrue(
                seller.driver()
                        .findElement(By.id("ticket:title"))
                        .getAttribute("value")
                        .equals(title));
    }
}
