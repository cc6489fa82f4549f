package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.CurrentUserReply;
import dev.ticketing.storefront.client.User;
import dev.ticketing.storefront.client.UsersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Who is looking at the page, asked of auth-service once per request (it verifies the token; the
 * storefront trusts nothing it could forge). No cookie means anonymous without a call; an
 * unreachable auth-service also reads as anonymous, and the page says the marketplace is away.
 */
@Named
@RequestScoped
public class CurrentUser {
    private static final Logger LOG = Logger.getLogger(CurrentUser.class.getName());

    @Inject @RestClient UsersApi users;

    @Inject HttpServletRequest request;

    @Inject Feedback feedback;

    @Inject
    @ConfigProperty(name = "jwt.cookie.name", defaultValue = "session")
    String sessionCookie;

    private User user;
    private boolean asked;

    public boolean isSignedIn() {
        return user() != null;
    }

    public String getId() {
        User u = user();
        return u == null ? null : u.id();
    }

    public String getEmail() {
        User u = user();
        return u == null ? null : u.email();
    }

    private User user() {
        if (!asked) {
            asked = true;
            if (hasSessionCookie()) {
                user = ask();
            }
        }
        return user;
    }

    private User ask() {
        try {
            CurrentUserReply reply = users.currentUser();
            return reply == null ? null : reply.currentUser();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "auth-service did not say who the current user is: {0}",
                    e.toString());
            feedback.unreachable();
            return null;
        }
    }

    private boolean hasSessionCookie() {
        Cookie[] cookies = request.getCookies();
        return cookies != null
                && Arrays.stream(cookies)
                        .anyMatch(
                                c -> sessionCookie.equals(c.getName()) && !c.getValue().isBlank());
    }
}
