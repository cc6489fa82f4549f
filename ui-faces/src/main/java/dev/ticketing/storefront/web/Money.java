package dev.ticketing.storefront.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Prices as the marketplace charges them: US dollars, two decimals ("$1,250.00"). */
@Named
@ApplicationScoped
public class Money {

    public String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat dollars = NumberFormat.getCurrencyInstance(Locale.US);
        return dollars.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * What a seller typed as a price, read leniently ("$1,250", " 20.5 "): null when empty (the API
     * then says a price is required), and {@link NumberFormatException} when it is not a number.
     */
    public static BigDecimal parse(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = typed.replace("$", "").replace(",", "").strip();
        if (plain.isEmpty()) {
            return null;
        }
        return new BigDecimal(plain);
    }
}
