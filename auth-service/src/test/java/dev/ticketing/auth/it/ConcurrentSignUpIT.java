package dev.ticketing.auth.it;

import static dev.ticketing.auth.it.Users.PASSWORD;
import static dev.ticketing.auth.it.Users.assertErrors;
import static dev.ticketing.auth.it.Users.error;
import static dev.ticketing.auth.it.Users.signUp;
import static dev.ticketing.auth.it.Users.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ticketing.testing.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Twenty simultaneous sign-ups with one email (in varying case): exactly one account. */
class ConcurrentSignUpIT {
    private static final int CLIENTS = 20;

    @Test
    void exactlyOneOfTwentySimultaneousSignUpsWins() throws Exception {
        String email = uniqueEmail();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<CompletableFuture<HttpApi.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String variant = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
                replies.add(
                        CompletableFuture.supplyAsync(
                                () -> {
                                    await(start);
                                    return signUp(variant, PASSWORD);
                                },
                                pool));
            }
            start.countDown();
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }

        List<HttpApi.Reply> created =
                replies.stream()
                        .map(CompletableFuture::join)
                        .filter(r -> r.status() == 201)
                        .toList();
        List<HttpApi.Reply> refused =
                replies.stream()
                        .map(CompletableFuture::join)
                        .filter(r -> r.status() != 201)
                        .toList();
        assertEquals(1, created.size(), "one 201");
        assertEquals(CLIENTS - 1, refused.size());
        refused.forEach(r -> assertErrors(r, 400, error("Email in use")));
        try (MongoClient client = MongoClients.create(System.getProperty("it.store.url"))) {
            long accounts =
                    client.getDatabase("auth")
                            .getCollection("accounts")
                            .countDocuments(new Document("_id", email));
            assertEquals(1, accounts, "one stored account");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
