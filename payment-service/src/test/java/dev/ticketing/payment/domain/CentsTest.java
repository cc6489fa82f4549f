package dev.ticketing.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CentsTest {

    @ParameterizedTest
    @CsvSource({
        "10, 1000",
        "10.5, 1050",
        "10.50, 1050",
        "0.01, 1",
        "19.99, 1999",
        "1E+2, 10000",
        "12345678.91, 1234567891"
    })
    void aPriceIsExactCents(String price, long cents) {
        assertEquals(cents, Cents.of(new BigDecimal(price)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.005", "0.001", "0", "-1", "-0.5"})
    void fractionsOfACentAndNonPositivePricesAreRefused(String price) {
        assertThrows(IllegalArgumentException.class, () -> Cents.of(new BigDecimal(price)));
    }
}
