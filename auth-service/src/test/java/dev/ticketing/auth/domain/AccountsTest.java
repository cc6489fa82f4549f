package dev.ticketing.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccountsTest {

    /** Records what it was asked to verify against, so the dummy-hash rule is observable. */
    static final class RecordingHasher implements PasswordHasher {
        final List<String> verifiedAgainst = new ArrayList<>();

        @Override
        public String hash(String password) {
            return "hash(" + password + ")";
        }

        @Override
        public boolean verify(String password, String hash) {
            verifiedAgainst.add(hash);
            return hash.equals(hash(password));
        }
    }

    static final class MemoryStore implements AccountStore {
        final Map<String, Account> accounts = new ConcurrentHashMap<>();

        @Override
        public void add(Account account) throws EmailInUseException {
            if (accounts.putIfAbsent(account.email(), account) != null) {
                throw new EmailInUseException();
            }
        }

        @Override
        public Optional<Account> findByEmail(EmailAddress email) {
            return Optional.ofNullable(accounts.get(email.value()));
        }
    }

    private final RecordingHasher hasher = new RecordingHasher();
    private final MemoryStore store = new MemoryStore();
    private final AtomicInteger ids = new AtomicInteger();
    private final Accounts accounts =
            new Accounts(
                    store,
                    hasher,
                    Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                    () -> "id-" + ids.incrementAndGet());

    @Test
    void signUpStoresANormalizedEmailAndATrimmedPasswordsHashAtVersionZero() throws Exception {
        Account account = accounts.signUp(" Buyer@Example.TEST ", "  pass  ");
        assertEquals("buyer@example.test", account.email());
        assertEquals("hash(pass)", account.passwordHash());
        assertEquals(0, account.version());
        assertEquals(account, store.accounts.get("buyer@example.test"));
        assertFalse(account.toString().contains("hash("), "toString hides the hash");
    }

    @Test
    void aCaseVariantOfAnExistingEmailIsInUse() throws Exception {
        accounts.signUp("a@example.test", "pass");
        assertThrows(EmailInUseException.class, () -> accounts.signUp("A@EXAMPLE.test", "other"));
    }

    @Test
    void signInAcceptsTheRightPasswordInAnyEmailCase() throws Exception {
        Account account = accounts.signUp("a@example.test", "pass");
        assertEquals(account, accounts.signIn("A@Example.Test", " pass "));
    }

    @Test
    void aWrongPasswordIsInvalidCredentials() throws Exception {
        accounts.signUp("a@example.test", "pass");
        assertThrows(
                InvalidCredentialsException.class, () -> accounts.signIn("a@example.test", "nope"));
    }

    @Test
    void anUnknownEmailStillCostsOneHashCheck() {
        hasher.verifiedAgainst.clear();
        assertThrows(
                InvalidCredentialsException.class,
                () -> accounts.signIn("nobody@example.test", "pass"));
        assertEquals(
                1,
                hasher.verifiedAgainst.size(),
                "a dummy hash is checked, so the timing matches a wrong password");
        assertTrue(hasher.verifiedAgainst.get(0).startsWith("hash("));
    }
}
