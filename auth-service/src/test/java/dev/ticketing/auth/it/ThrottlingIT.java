package dev.ticketing.auth.it;

import static dev.ticketing.auth.it.Users.PASSWORD;
import static dev.ticketing.auth.it.Users.assertErrors;
import static dev.ticketing.auth.it.Users.error;
import static dev.ticketing.auth.it.Users.signIn;
import static dev.ticketing.auth.it.Users.signUp;
import static dev.ticketing.auth.it.Users.uniqueAddress;
import static dev.ticketing.auth.it.Users.uniqueEmail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling, against the IT server's small limits (it.signin.max.failures failures,
 * it.signin.cooldown.seconds of cool-down; set by the build as bootstrap properties).
 */
class ThrottlingIT {
    private static final int MAX_FAILURES = Integer.getInteger("it.signin.max.failures", 3);
    private static final long COOL_DOWN = Long.getLong("it.signin.cooldown.seconds", 4);

    @Test
    void anAccountIsThrottledAfterRepeatedFailuresEvenFromManyAddresses() {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertErrors(signIn(email, "wrong-" + i, "X-Forwarded-For", uniqueAddress()), 400, error("Invalid credentials"));
        }

        HttpApi.Reply refused = signIn(email, PASSWORD, "X-Forwarded-For", uniqueAddress());

        assertErrors(refused, 429, error("Too many requests"));
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= COOL_DOWN, "Retry-After " + retryAfter);
        assertTrue(refused.headers("Set-Cookie").isEmpty());
    }

    @Test
    void anAddressIsThrottledAfterRepeatedFailuresAcrossAccounts() {
        String address = uniqueAddress();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertErrors(signIn(uniqueEmail(), PASSWORD, "X-Forwarded-For", address), 400, error("Invalid credentials"));
        }
        String email = uniqueEmail();
        signUp(email, PASSWORD);

        assertErrors(signIn(email, PASSWORD, "X-Forwarded-For", address), 429, error("Too many requests"));
        assertEquals(200, signIn(email, PASSWORD, "X-Forwarded-For", uniqueAddress()).status(),
                "the same account from another address is not throttled");
    }

    @Test
    void theCoolDownEnds() {
        String email = uniqueEmail();
        String address = uniqueAddress();
        signUp(email, PASSWORD);
        for (int i = 0; i < MAX_FAILURES; i++) {
            signIn(email, "wrong", "X-Forwarded-For", address);
        }
        assertEquals(429, signIn(email, PASSWORD, "X-Forwarded-For", address).status());

        await().atMost(Duration.ofSeconds(COOL_DOWN + 10)).pollInterval(Duration.ofMillis(500))
                .until(() -> signIn(email, PASSWORD, "X-Forwarded-For", address).status() == 200);
    }

    @Test
    void aSuccessResetsTheCount() {
        String email = uniqueEmail();
        String address = uniqueAddress();
        signUp(email, PASSWORD);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < MAX_FAILURES - 1; i++) {
                assertErrors(signIn(email, "wrong", "X-Forwarded-For", address), 400, error("Invalid credentials"));
            }
            assertEquals(200, signIn(email, PASSWORD, "X-Forwarded-For", address).status(), "round " + round);
        }
    }
}
