package dev.ticketing.auth.security;

import dev.ticketing.auth.domain.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jakarta Security's PBKDF2 (appSecurity-5.0), salted, with OWASP's 2023 iteration count for
 * PBKDF2-HMAC-SHA256 by default. The stored string names algorithm, iterations and salt, so the
 * count can be raised later without breaking existing hashes.
 */
@ApplicationScoped
public class Pbkdf2Hasher implements PasswordHasher {

    @Inject Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "auth.password.iterations", defaultValue = "210000")
    int iterations;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(
                Map.of(
                        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                        "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                        "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    @Override
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    @Override
    public boolean verify(String password, String hash) {
        return pbkdf2.verify(password.toCharArray(), hash);
    }
}
