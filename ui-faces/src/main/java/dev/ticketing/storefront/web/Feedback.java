package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiError;
import dev.ticketing.storefront.client.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * What a page tells its visitor: messages next to the fields they concern, the others above the
 * form, and the one sentence for "the marketplace cannot be reached" (shown once per page).
 */
@Named
@RequestScoped
public class Feedback {
    static final String UNREACHABLE =
            "We can't reach the marketplace right now. Please try again in a moment.";

    @Inject FacesContext faces;

    private boolean unreachableShown;

    /** An error about the whole page or form. */
    public void error(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    /** An error about one field, shown next to it. */
    public void fieldError(String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    /** Good news that survives the redirect that follows it. */
    public void success(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    /** An error that survives the redirect that follows it. */
    public void errorAfterRedirect(String text) {
        error(text);
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    public void unreachable() {
        if (!unreachableShown) {
            unreachableShown = true;
            error(UNREACHABLE);
        }
    }

    /**
     * The API's messages: those naming a field go next to that field's input ({@code fields} maps
     * the JSON field to the input's client id), the rest above the form.
     */
    public void show(ApiException problem, Map<String, String> fields) {
        if (problem.isUnreachable()) {
            unreachable();
            return;
        }
        if (problem.isThrottled()) {
            error(throttled(problem.retryAfter().orElse(null)));
            return;
        }
        for (ApiError error : problem.errors()) {
            String clientId = error.field() == null ? null : fields.get(error.field());
            if (clientId != null) {
                fieldError(clientId, error.message());
            } else {
                error(error.message());
            }
        }
    }

    /** A throttled request (429): how long to wait, in words, from the API's Retry-After. */
    static String throttled(java.time.Duration wait) {
        if (wait == null) {
            return "Too many attempts. Please wait a minute and try again.";
        }
        long seconds = Math.max(1, wait.toSeconds());
        String when =
                seconds < 90
                        ? seconds + (seconds == 1 ? " second" : " seconds")
                        : ((seconds + 59) / 60) + " minutes";
        return "Too many attempts. Please wait " + when + " and try again.";
    }

    /** True when the field has a message: the page marks the input invalid and points to it. */
    public boolean invalid(String clientId) {
        return !faces.getMessageList(clientId).isEmpty();
    }
}
