package dev.ticketing.auth.domain;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Signing up and signing in: the rules, over whatever store and hasher it is given. */
public class Accounts {
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Supplier<String> ids;
    // Checked against when the email is unknown, so both failures cost one hash (no timing gap).
    private final String dummyHash;

    public Accounts(AccountStore store, PasswordHasher hasher, Clock clock, Supplier<String> ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    /** Opens an account; the password must already satisfy {@link Password#hasValidLength}. */
    public Account signUp(String email, String password) throws EmailInUseException {
        EmailAddress address = EmailAddress.of(email);
        // A cheap early answer for the common case; the store's atomic insert decides races.
        if (store.findByEmail(address).isPresent()) {
            throw new EmailInUseException();
        }
        Account account =
                Account.open(
                        ids.get(),
                        address,
                        hasher.hash(Password.canonical(password)),
                        clock.instant());
        store.add(account);
        return account;
    }

    /**
     * The account these credentials prove, or the same refusal for an unknown email and a wrong
     * password.
     */
    public Account signIn(String email, String password) throws InvalidCredentialsException {
        Optional<Account> account = store.findByEmail(EmailAddress.of(email));
        String candidate = Password.canonical(password);
        if (account.isEmpty()) {
            hasher.verify(candidate, dummyHash);
            throw new InvalidCredentialsException();
        }
        if (!hasher.verify(candidate, account.get().passwordHash())) {
            throw new InvalidCredentialsException();
        }
        return account.get();
    }
}
