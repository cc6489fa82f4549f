package dev.ticketing.auth.store;

import dev.ticketing.auth.domain.Account;
import dev.ticketing.auth.domain.AccountStore;
import dev.ticketing.auth.domain.EmailAddress;
import dev.ticketing.auth.domain.EmailInUseException;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.time.Instant;
import java.util.Optional;

/** {@link AccountStore} over Jakarta NoSQL's template. */
@ApplicationScoped
public class DocumentAccountStore implements AccountStore {

    @Inject Template template;

    @Override
    public void add(Account account) throws EmailInUseException {
        AccountDocument document =
                new AccountDocument(
                        account.email(),
                        account.id(),
                        account.passwordHash(),
                        account.version(),
                        account.createdAt().toString());
        if (!MongoStore.insertIfAbsent(() -> template.insert(document))) {
            throw new EmailInUseException();
        }
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return template.find(AccountDocument.class, email.value())
                .map(DocumentAccountStore::toAccount);
    }

    private static Account toAccount(AccountDocument d) {
        return new Account(
                d.getUserId(),
                d.getEmail(),
                d.getPasswordHash(),
                d.getVersion(),
                Instant.parse(d.getCreatedAt()));
    }
}
