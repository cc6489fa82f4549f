package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.UsersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The header's "Sign out" (a POST, so another site cannot sign a visitor out). */
@Named
@RequestScoped
public class SignOut {
    private static final Logger LOG = Logger.getLogger(SignOut.class.getName());

    @Inject @RestClient UsersApi users;

    @Inject Browser browser;

    @Inject Feedback feedback;

    public String signOut() {
        boolean relayed = false;
        try (Response answer = users.signOut()) {
            relayed = browser.relaySessionCookie(answer);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "auth-service did not sign out; expiring the cookie here: {0}",
                    e.toString());
        }
        if (!relayed) {
            browser.expireSessionCookie();
        }
        feedback.success("You're signed out. See you soon!");
        browser.redirect("/");
        return null;
    }
}
