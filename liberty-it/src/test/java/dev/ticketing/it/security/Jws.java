package dev.ticketing.it.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal JWS (compact) signer, enough to forge every kind of bad token with java.security alone.
 */
final class Jws {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jws() {}

    static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject decode(String token, int part) {
        String json =
                new String(
                        Base64.getUrlDecoder().decode(token.split("\\.")[part]),
                        StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** RS256 over header.payload with {@code key}. */
    static String rs256(JsonObject header, JsonObject claims, PrivateKey key)
            throws GeneralSecurityException {
        String input = b64(header.toString()) + "." + b64(claims.toString());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(rsa.sign());
    }

    /**
     * HS256 keyed with {@code secret}: the algorithm-confusion attack when the secret is the public
     * key.
     */
    static String hs256(JsonObject header, JsonObject claims, byte[] secret)
            throws GeneralSecurityException {
        String input = b64(header.toString()) + "." + b64(claims.toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input
                + "."
                + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Unsigned: {@code alg: none}, empty signature. */
    static String unsigned(JsonObject claims) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + ".";
    }

    static PrivateKey otherKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    /** The server's real signing key pair, from the keystore Liberty generated. */
    record RealKey(PrivateKey privateKey, PublicKey publicKey) {
        static RealKey load(Path keystore, String password, String alias) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password.toCharArray());
            }
            return new RealKey(
                    (PrivateKey) store.getKey(alias, password.toCharArray()),
                    store.getCertificate(alias).getPublicKey());
        }
    }
}
