package dev.ticketing.auth.security;

import dev.ticketing.auth.domain.AccountStore;
import dev.ticketing.auth.domain.Accounts;
import dev.ticketing.auth.domain.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/** Wires the framework-free domain service to its CDI-managed store and hasher. */
@ApplicationScoped
public class AccountsProducer {

    // @Singleton, not @ApplicationScoped: Accounts is a plain class with final fields, so it cannot
    // be proxied; one instance is what we want anyway (its dummy hash is computed once).
    @Produces
    @Singleton
    Accounts accounts(AccountStore store, PasswordHasher hasher) {
        return new Accounts(store, hasher, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }
}
