package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.Credentials;
import dev.ticketing.storefront.client.UsersApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sign-up and sign-in: the same two fields, sent to auth-service, whose messages land next to the
 * field they name; on success the session cookie it sets is relayed and the visitor goes on to
 * where they were heading (the home page by default), signed in.
 */
public abstract class AccountForm {
    private static final Logger LOG = Logger.getLogger(AccountForm.class.getName());

    @Inject @RestClient UsersApi users;

    @Inject Browser browser;

    @Inject Feedback feedback;

    private String email;
    private String password;
    private String next;

    /** The Faces form's id: inputs are {@code <form>:email} and {@code <form>:password}. */
    private final String formId;

    /** The call to auth-service. */
    private final BiFunction<UsersApi, Credentials, Response> send;

    /** The first words of the welcome, before "You're signed in as ...". */
    private final String greeting;

    protected AccountForm(
            String formId, BiFunction<UsersApi, Credentials, Response> send, String greeting) {
        this.formId = formId;
        this.send = send;
        this.greeting = greeting;
    }

    public String submit() {
        Credentials credentials =
                new Credentials(
                        email == null ? "" : email.strip(), password == null ? "" : password);
        try (Response answer = send.apply(users, credentials)) {
            if (!browser.relaySessionCookie(answer)) {
                LOG.warning("auth-service accepted the credentials but set no session cookie");
                feedback.error("Something went wrong on our side. Please try again in a moment.");
                return null;
            }
            feedback.success(greeting + " You're signed in as " + credentials.email() + ".");
            browser.redirect(Browser.safeNext(next));
        } catch (ApiException e) {
            feedback.show(e, Map.of("email", formId + ":email", "password", formId + ":password"));
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "auth-service unreachable: {0}", e.toString());
            feedback.unreachable();
        }
        return null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Carries "next" on to the other account page (sign-up ↔ sign-in). */
    public String getNextQuery() {
        String target = Browser.safeNext(next);
        return "/".equals(target) ? "" : "?next=" + Browser.encode(target);
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
