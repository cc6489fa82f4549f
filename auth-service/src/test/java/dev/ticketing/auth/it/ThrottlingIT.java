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
 * Throttling that stops guessing without handing out lockouts, against the IT server's small limits
 * (it.signin.free.failures free failures, then a first delay of it.signin.first.delay.seconds
 * doubling with each failure; it.signup.per.address sign-ups per address; bootstrap properties set
 * by the build). Each test names its own client addresses (X-Forwarded-For, from the test client
 * the IT server trusts as a proxy).
 */
class ThrottlingIT {
    private static final int FREE = Integer.getInteger("it.signin.free.failures", 3);
    private static final long FIRST = Long.getLong("it.signin.first.delay.seconds", 2);
    private static final int SIGNUPS = Integer.getInteger("it.signup.per.address", 3);

    private static HttpApi.Reply from(String address, String email, String password) {
        return signIn(email, password, "X-Forwarded-For", address);
    }

    private static long retryAfter(HttpApi.Reply refused) {
        assertErrors(refused, 429, error("Too many requests"));
        assertTrue(refused.headers("Set-Cookie").isEmpty());
        return Long.parseLong(refused.header("Retry-After").orElseThrow());
    }

    @Test
    void anAddressThatKeepsFailingWaitsLongerBeforeEachNextTry() {
        String address = uniqueAddress();
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        for (int i = 0; i < FREE; i++) {
            assertErrors(from(address, email, "wrong-" + i), 400, error("Invalid credentials"));
        }
        long first = retryAfter(from(address, email, PASSWORD));
        assertTrue(first >= 1 && first <= FIRST, "first wait " + first);

        // Once the wait is over it may try again; failing again doubles the wait.
        await().atMost(Duration.ofSeconds(FIRST + 10))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> from(address, email, "wrong-again").status() == 400);
        long second = retryAfter(from(address, email, PASSWORD));
        assertTrue(
                second > FIRST && second <= 2 * FIRST,
                "second wait " + second + ", after a first of " + FIRST);
    }

    @Test
    void theRightPasswordFromAnAddressThatHasNotBeenFailingSignsInWhileTheAccountIsUnderAttack() {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        String attacker = uniqueAddress();
        for (int i = 0; i < FREE; i++) {
            assertErrors(from(attacker, email, "guess-" + i), 400, error("Invalid credentials"));
        }
        retryAfter(from(attacker, email, "guess-more"));

        // The owner, elsewhere: no lockout.
        HttpApi.Reply owner = from(uniqueAddress(), email, PASSWORD);
        assertEquals(200, owner.status(), owner.body());

        // A new address gets its try; once it has failed, the account's failures make it wait too.
        String another = uniqueAddress();
        assertErrors(from(another, email, "guess-elsewhere"), 400, error("Invalid credentials"));
        retryAfter(from(another, email, "guess-elsewhere-again"));
    }

    @Test
    void aSuccessClearsItsAddressFailures() {
        // A household: one address, several accounts, the odd typo. Each success wipes the
        // address's
        // slate, so typos on the next account are free again; without that, the address would have
        // failed more than FREE times and wait. (The account's own failures stay: they may be an
        // attacker's from elsewhere.)
        String address = uniqueAddress();
        for (int round = 0; round < 3; round++) {
            String email = uniqueEmail();
            signUp(email, PASSWORD);
            for (int i = 0; i < FREE - 1; i++) {
                assertErrors(from(address, email, "typo"), 400, error("Invalid credentials"));
            }
            assertEquals(200, from(address, email, PASSWORD).status(), "round " + round);
        }
    }

    @Test
    void signUpsAreLimitedPerAddress() {
        String address = uniqueAddress();
        for (int i = 0; i < SIGNUPS; i++) {
            assertEquals(201, signUp(uniqueEmail(), PASSWORD, "X-Forwarded-For", address).status());
        }
        HttpApi.Reply refused = signUp(uniqueEmail(), PASSWORD, "X-Forwarded-For", address);
        long wait = retryAfter(refused);
        assertTrue(wait >= 1, "Retry-After " + wait);
        assertEquals(
                201,
                signUp(uniqueEmail(), PASSWORD, "X-Forwarded-For", uniqueAddress()).status(),
                "another address signs up");
    }
}
