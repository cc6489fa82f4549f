package dev.ticketing.auth.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs),
 * Path=/ (every service on the origin gets it), Secure whenever the browser reached us over HTTPS,
 * directly or through a TLS-terminating proxy. Written by hand because JAX-RS 3.1's NewCookie
 * cannot say SameSite on every runtime.
 */
@ApplicationScoped
public class SessionCookies {

    @Inject
    @ConfigProperty(name = "jwt.cookie.name", defaultValue = "session")
    String name;

    public String name() {
        return name;
    }

    /** The Set-Cookie value that stores {@code token} until it expires. */
    public String store(SessionToken token, HttpServletRequest request) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), token.expiresAt()).getSeconds());
        return name + "=" + token.compact() + "; Path=/; Max-Age=" + maxAge + attributes(request);
    }

    /** The Set-Cookie value that makes the browser drop the cookie. */
    public String expire(HttpServletRequest request) {
        return name
                + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
                + attributes(request);
    }

    private static String attributes(HttpServletRequest request) {
        return "; HttpOnly; SameSite=Lax" + (overHttps(request) ? "; Secure" : "");
    }

    /** HTTPS to us, or HTTPS to the proxy in front of us (X-Forwarded-Proto, first hop). */
    static boolean overHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        if (forwarded == null) {
            return false;
        }
        int comma = forwarded.indexOf(',');
        String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
        return "https".equalsIgnoreCase(first);
    }
}
