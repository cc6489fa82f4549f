package dev.ticketing.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsDollarsWithTwoDecimals() {
        Money money = new Money();
        assertEquals("$20.00", money.format(new BigDecimal("20")));
        assertEquals("$1,250.50", money.format(new BigDecimal("1250.5")));
        assertEquals("", money.format(null));
    }

    @Test
    void readsWhatSellersType() {
        assertEquals(new BigDecimal("1250"), Money.parse(" $1,250 "));
        assertEquals(new BigDecimal("20.5"), Money.parse("20.5"));
        assertNull(Money.parse("   "), "nothing typed: the API says a price is required");
        assertThrows(NumberFormatException.class, () -> Money.parse("twenty"));
    }
}
