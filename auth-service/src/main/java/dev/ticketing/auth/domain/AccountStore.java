package dev.ticketing.auth.domain;

import java.util.Optional;

/** Where accounts live (the store package supplies it). */
public interface AccountStore {

    /** Adds a new account, atomically refusing a second one with the same email. */
    void add(Account account) throws EmailInUseException;

    Optional<Account> findByEmail(EmailAddress email);
}
