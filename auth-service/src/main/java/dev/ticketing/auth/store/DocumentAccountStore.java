package dev.ticketing.auth.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import dev.ticketing.auth.domain.Account;
import dev.ticketing.auth.domain.AccountStore;
import dev.ticketing.auth.domain.EmailAddress;
import dev.ticketing.auth.domain.EmailInUseException;
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
        try {
            template.insert(
                    new AccountDocument(
                            account.email(),
                            account.id(),
                            account.passwordHash(),
                            account.version(),
                            account.createdAt().toString()));
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                throw new EmailInUseException();
            }
            throw e;
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

    /** The driver's duplicate-key error (code 11000), however JNoSQL wraps it. */
    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoWriteException w
                    && ErrorCategory.fromErrorCode(w.getError().getCode())
                            == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof MongoCommandException c && c.getErrorCode() == 11000) {
                return true;
            }
        }
        return false;
    }
}
