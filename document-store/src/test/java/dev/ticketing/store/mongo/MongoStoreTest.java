package dev.ticketing.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class MongoStoreTest {

    @Test
    void recognisesTheDriversDuplicateKeyErrorHoweverWrapped() {
        MongoWriteException duplicate = write(11000);
        assertTrue(MongoStore.isDuplicateKey(duplicate));
        assertTrue(
                MongoStore.isDuplicateKey(
                        new IllegalStateException(new RuntimeException(duplicate))));
    }

    @Test
    void otherWriteErrorsAreNotDuplicates() {
        MongoWriteException other = write(2);
        assertFalse(MongoStore.isDuplicateKey(other));
        assertFalse(MongoStore.isDuplicateKey(new IllegalStateException("x")));
    }

    @Test
    void insertIfAbsentSaysWhetherItWroteAndThrowsAnyOtherFailure() {
        AtomicInteger runs = new AtomicInteger();
        assertTrue(MongoStore.insertIfAbsent(runs::incrementAndGet));
        assertEquals(1, runs.get());

        assertFalse(
                MongoStore.insertIfAbsent(
                        () -> {
                            throw new IllegalStateException(new RuntimeException(write(11000)));
                        }));

        MongoWriteException other = write(2);
        assertSame(
                other,
                assertThrows(
                        MongoWriteException.class,
                        () ->
                                MongoStore.insertIfAbsent(
                                        () -> {
                                            throw other;
                                        })));
    }

    private static MongoWriteException write(int code) {
        return new MongoWriteException(
                new WriteError(code, "E" + code, new BsonDocument()),
                new ServerAddress(),
                Set.of());
    }
}
