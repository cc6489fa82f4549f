package dev.ticketing.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void lengthCountsAfterTrimming() {
        assertFalse(Password.hasValidLength("abcdefg"));
        assertFalse(Password.hasValidLength("   abcdefg   "));
        assertTrue(Password.hasValidLength("  abcdefgh  "));
        assertTrue(Password.hasValidLength("x".repeat(128)));
        assertFalse(Password.hasValidLength("x".repeat(129)));
        assertFalse(Password.hasValidLength(null));
    }

    @Test
    void theBrokenRuleIsNamedLengthFirst() {
        assertEquals(
                java.util.Optional.of(Password.LENGTH_RULE), Password.brokenRule("abc", p -> true));
        assertEquals(
                java.util.Optional.of(Password.COMMON_RULE),
                Password.brokenRule(" password ", "password"::equals));
        assertEquals(java.util.Optional.empty(), Password.brokenRule("x7$kQ2vB", p -> false));
    }

    @Test
    void theTenThousandMostCommonPasswordsAreKnownCaseInsensitively() {
        assertTrue(dev.ticketing.auth.security.CommonPasswords.isCommon("123456"));
        assertTrue(dev.ticketing.auth.security.CommonPasswords.isCommon("PassWord"));
        assertTrue(dev.ticketing.auth.security.CommonPasswords.isCommon("iloveyou"));
        assertFalse(dev.ticketing.auth.security.CommonPasswords.isCommon("x7$kQ2vB correct horse"));
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
