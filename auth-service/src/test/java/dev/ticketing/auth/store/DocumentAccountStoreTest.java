package dev.ticketing.auth.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class DocumentAccountStoreTest {

    @Test
    void recognisesTheDriversDuplicateKeyErrorHoweverWrapped() {
        MongoWriteException duplicate =
                new MongoWriteException(
                        new WriteError(11000, "E11000 duplicate key", new BsonDocument()),
                        new ServerAddress(),
                        Set.of());
        assertTrue(DocumentAccountStore.isDuplicateKey(duplicate));
        assertTrue(
                DocumentAccountStore.isDuplicateKey(
                        new IllegalStateException(new RuntimeException(duplicate))));
    }

    @Test
    void otherWriteErrorsAreNotDuplicates() {
        MongoWriteException other =
                new MongoWriteException(
                        new WriteError(2, "bad value", new BsonDocument()),
                        new ServerAddress(),
                        Set.of());
        assertFalse(DocumentAccountStore.isDuplicateKey(other));
        assertFalse(DocumentAccountStore.isDuplicateKey(new IllegalStateException("x")));
    }
}
