package dev.ticketing.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void lengthCountsAfterTrimming() {
        assertFalse(Password.hasValidLength("abc"));
        assertFalse(Password.hasValidLength("   abc   "));
        assertTrue(Password.hasValidLength("  abcd  "));
        assertTrue(Password.hasValidLength("12345678901234567890"));
        assertFalse(Password.hasValidLength("123456789012345678901"));
        assertFalse(Password.hasValidLength(null));
    }

    @Test
    void theCanonicalFormIsTrimmed() {
        assertEquals("pass word", Password.canonical("\t pass word \n"));
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals("a.b@example.test", EmailAddress.of("  A.B@Example.TEST ").value());
    }
}
