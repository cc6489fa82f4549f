package dev.ticketing.auth.it;

import static dev.ticketing.auth.it.Users.signIn;
import static dev.ticketing.auth.it.Users.signUp;
import static dev.ticketing.auth.it.Users.uniqueAddress;
import static dev.ticketing.auth.it.Users.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Passwords and their hashes appear in no response and no line of the server's log. */
class SecretsIT {
    private static final String HASH_MARK = "PBKDF2WithHmacSHA256";

    @Test
    void noPasswordOrHashInAnyResponseOrTheLog() throws IOException {
        String password = "pw" + UUID.randomUUID().toString().substring(0, 10);
        String email = uniqueEmail();
        String address = uniqueAddress();
        List<HttpApi.Reply> replies =
                List.of(
                        signUp(email, password),
                        signUp(email, password),
                        signIn(email, password, "X-Forwarded-For", address),
                        signIn(email, password + "x", "X-Forwarded-For", address),
                        Users.post(
                                "signup",
                                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"",
                                "X-Forwarded-For",
                                address),
                        Users.post(
                                "signin",
                                "{\"email\":[\"" + email + "\"],\"password\":\"" + password + "\"}",
                                "X-Forwarded-For",
                                address),
                        Users.currentUser(
                                "Cookie",
                                "session="
                                        + Users.sessionToken(
                                                signIn(
                                                        email,
                                                        password,
                                                        "X-Forwarded-For",
                                                        address))));
        assertEquals(201, replies.get(0).status());
        for (HttpApi.Reply reply : replies) {
            String all = reply.body() + reply.headers().map();
            assertFalse(all.contains(password), "password in a response: " + all);
            assertFalse(all.contains(HASH_MARK), "hash in a response: " + all);
        }

        Path log = Path.of(System.getProperty("it.server.log"));
        assertTrue(Files.exists(log), "server log " + log);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(text.contains(password), "password in " + log);
        assertFalse(text.contains(HASH_MARK + ":"), "password hash in " + log);
    }
}
