package dev.ticketing.storefront.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Makes every API call on behalf of the browser that asked for the page: its session cookie (and
 * nothing else of its cookies), its address and its scheme. The APIs then see the same user the
 * browser is, count sign-in attempts per real client, and mark cookies Secure exactly when the
 * browser talks HTTPS.
 */
@ApplicationScoped
public class SessionForwarding implements ClientHeadersFactory {

    @Inject HttpServletRequest browser;

    @Inject
    @ConfigProperty(name = "jwt.cookie.name", defaultValue = "session")
    String sessionCookie;

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>(outgoing);
        String token = sessionToken();
        if (token != null) {
            headers.putSingle("Cookie", sessionCookie + "=" + token);
        }
        headers.putSingle("X-Forwarded-For", browser.getRemoteAddr());
        headers.putSingle("X-Forwarded-Proto", browser.isSecure() ? "https" : browser.getScheme());
        return headers;
    }

    private String sessionToken() {
        Cookie[] cookies = browser.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (sessionCookie.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
