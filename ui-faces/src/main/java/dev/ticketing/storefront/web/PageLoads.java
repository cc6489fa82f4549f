package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a page loads what it shows from a service, and the one place that decides what the visitor
 * sees when that goes wrong: a visitor without a session (none to begin with on a member's page, or
 * one the service no longer accepts) is sent to sign in; a refusal the page does not explain
 * itself, and a service that does not answer, are logged and shown as "try again in a moment", and
 * the page has nothing to show. A page only adds the refusals it explains (a 404 of its own, a
 * filter the catalog cannot use).
 */
@RequestScoped
public class PageLoads {
    private static final Logger LOG = Logger.getLogger(PageLoads.class.getName());

    @Inject CurrentUser currentUser;

    @Inject Browser browser;

    @Inject Feedback feedback;

    /**
     * What a member's page shows: {@code what} from {@code service} (both for the log), or null
     * when there is nothing to show.
     */
    public <T> T forMember(String service, String what, Supplier<T> call) {
        return forMember(service, what, call, refusal -> false);
    }

    /**
     * The same, where {@code explained} shows the refusals the page explains itself and answers
     * whether it did.
     */
    public <T> T forMember(
            String service, String what, Supplier<T> call, Predicate<ApiException> explained) {
        if (!currentUser.isSignedIn()) {
            browser.redirectToSignIn();
            return null;
        }
        return forAnyone(
                service,
                what,
                call,
                refusal -> {
                    if (refusal.isUnauthorized()) {
                        browser.redirectToSignIn();
                        return true;
                    }
                    return explained.test(refusal);
                });
    }

    /**
     * The refusals a page explains as its own 404 (what it was asked for does not exist, or is not
     * this visitor's): the page answers 404 and {@code remember} lets it say so.
     */
    public Predicate<ApiException> notFound(Runnable remember) {
        return refusal -> {
            if (!refusal.isNotFound()) {
                return false;
            }
            remember.run();
            browser.status(404);
            return true;
        };
    }

    /** What a page anyone may see shows, or null when there is nothing to show. */
    public <T> T forAnyone(
            String service, String what, Supplier<T> call, Predicate<ApiException> explained) {
        try {
            return call.get();
        } catch (ApiException e) {
            if (!explained.test(e)) {
                LOG.log(Level.WARNING, "{0} refused {1}: {2}", new Object[] {service, what, e});
                feedback.unreachable();
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "{0} unreachable ({1}): {2}", new Object[] {service, what, e});
            feedback.unreachable();
        }
        return null;
    }
}
