package dev.ticketing.storefront.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The visitor's side of the exchange: where they are, where to send them next, and the session
 * cookie auth-service sets for them, relayed verbatim (HttpOnly, SameSite, Max-Age and Secure are
 * auth-service's decisions, made from the scheme this storefront forwards).
 */
@RequestScoped
public class Browser {

    @Inject FacesContext faces;

    @Inject
    @ConfigProperty(name = "jwt.cookie.name", defaultValue = "session")
    String sessionCookie;

    /**
     * Copies the session cookie that an auth-service answer sets (or expires) onto our response.
     */
    public boolean relaySessionCookie(Response apiResponse) {
        boolean relayed = false;
        for (String cookie :
                apiResponse.getStringHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
            if (cookie.startsWith(sessionCookie + "=")) {
                response().addHeader(HttpHeaders.SET_COOKIE, cookie);
                relayed = true;
            }
        }
        return relayed;
    }

    /**
     * Expires the session cookie ourselves: signing out works even when auth-service does not
     * answer.
     */
    public void expireSessionCookie() {
        response()
                .addHeader(
                        HttpHeaders.SET_COOKIE,
                        sessionCookie
                                + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax"
                                + (request().isSecure() ? "; Secure" : ""));
    }

    /** Sends the browser to a path of the storefront (a GET after every successful POST). */
    public void redirect(String path) {
        ExternalContext external = faces.getExternalContext();
        // Messages kept in the flash must survive this redirect, which no navigation rule
        // announces.
        external.getFlash().setRedirect(true);
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Sends a visitor who must be signed in to the sign-in page, coming back here afterwards. */
    public void redirectToSignIn() {
        redirect("/signin?next=" + encode(currentPath()));
    }

    /** The page being shown, as a path with its query (GET) or the view's path (postback). */
    public String currentPath() {
        HttpServletRequest request = request();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    public void status(int status) {
        faces.getExternalContext().setResponseStatus(status);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A "next" parameter is followed only to a path of this site: an absolute or protocol-relative
     * URL would turn sign-in into an open redirect.
     */
    public static String safeNext(String next) {
        if (next == null
                || next.isBlank()
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) faces.getExternalContext().getResponse();
    }
}
