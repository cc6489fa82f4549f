package dev.ticketing.storefront.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storefront alone, with no API reachable (its IT server points ticketing.api.url at a port
 * where nothing listens): every page still answers, politely, and never with a stack trace.
 */
class PagesWithoutApisIT {
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private final HttpApi http = new HttpApi();

    @Test
    void theHomePageSaysTheMarketplaceIsAway() {
        HttpApi.Reply home = http.get(ServiceUnderTest.url("/"));
        assertEquals(200, home.status());
        assertTrue(home.body().contains("We can't reach the marketplace right now"), home.body());
        assertTrue(home.body().contains("Sign in"), "the header is there: " + home.body());
        assertNoStackTrace(home);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ticket?id=abc", "/signin", "/signup", "/index.xhtml"})
    void pagesRenderWithoutAnyApi(String path) {
        HttpApi.Reply page = http.get(ServiceUnderTest.url(path));
        assertEquals(200, page.status(), page.body());
        assertNoStackTrace(page);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/sell",
                "/orders",
                "/order?id=abc",
                "/edit?id=abc",
                "/listings",
                "/payouts"
            })
    void pagesForMembersSendAnonymousVisitorsToSignIn(String path) {
        HttpApi.Reply page = http.get(ServiceUnderTest.url(path));
        assertEquals(302, page.status(), page.body());
        String location = page.header("Location").orElseThrow();
        assertTrue(
                location.endsWith(
                        "/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)),
                location);
    }

    @Test
    void anUnknownPageIsAFriendly404() {
        for (String path : List.of("/no-such-page", "/no-such-page.xhtml", "/tickets/42")) {
            HttpApi.Reply page = http.get(ServiceUnderTest.url(path));
            assertEquals(404, page.status(), path);
            assertTrue(
                    page.body().contains("We couldn't find that page"), path + ": " + page.body());
            assertNoStackTrace(page);
        }
    }

    /**
     * Browsing creates no server session (docs/api.md, "Hardening"): the pages an anonymous visitor
     * reads hold no form, so nothing is kept for them. Only a form (sign in, sign up) starts one:
     * its view state is what tells a genuine post from a forged one. Before: every page view did.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.xhtml", "/ticket?id=abc", "/no-such-page", "/api/nowhere"})
    void anonymousBrowsingCreatesNoSession(String path) {
        HttpApi.Reply page = http.get(ServiceUnderTest.url(path));
        assertTrue(
                page.headers("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
                path + " started a session: " + page.headers("Set-Cookie"));
    }

    @Test
    void formsHaveLabelsAndTheSessionCookieIsLaxAndHttpOnly() {
        HttpApi.Reply signIn = http.get(ServiceUnderTest.url("/signin"));
        assertTrue(
                Pattern.compile("<label[^>]*for=\"signin:email\"").matcher(signIn.body()).find(),
                signIn.body());
        assertTrue(
                Pattern.compile("<label[^>]*for=\"signin:password\"").matcher(signIn.body()).find(),
                signIn.body());
        assertTrue(VIEW_STATE.matcher(signIn.body()).find(), "the form carries Faces' view state");
        String session =
                signIn.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("JSESSIONID="))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no session cookie: "
                                                        + signIn.headers("Set-Cookie")));
        assertTrue(session.contains("HttpOnly"), session);
        assertTrue(session.contains("SameSite=Lax"), session);
        assertEquals("DENY", signIn.header("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", signIn.header("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void signingInWhileAuthIsAwayShowsAMessage() {
        HttpApi.Reply form = http.get(ServiceUnderTest.url("/signin"));
        String cookie =
                form.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("JSESSIONID="))
                        .map(c -> c.substring(0, c.indexOf(';')))
                        .findFirst()
                        .orElseThrow();
        Matcher viewState = VIEW_STATE.matcher(form.body());
        assertTrue(viewState.find());
        HttpApi.Reply answer =
                postForm(
                        "/signin.xhtml",
                        cookie,
                        "signin_SUBMIT",
                        "1",
                        "signin:email",
                        "buyer@example.com",
                        "signin:password",
                        "secret",
                        "signin:submit",
                        "Sign in",
                        "jakarta.faces.ViewState",
                        viewState.group(1));
        assertEquals(200, answer.status(), answer.body());
        assertTrue(
                answer.body().contains("We can't reach the marketplace right now"), answer.body());
        assertNoStackTrace(answer);
    }

    @Test
    void aFormPostedWithoutItsViewStateIsNotActedOn() {
        // What a cross-site request forgery looks like: the right fields, but no session and a
        // made-up view state. The storefront reloads the page instead of signing anybody in.
        HttpApi.Reply answer =
                postForm(
                        "/signin.xhtml",
                        null,
                        "signin_SUBMIT",
                        "1",
                        "signin:email",
                        "buyer@example.com",
                        "signin:password",
                        "secret",
                        "signin:submit",
                        "Sign in",
                        "jakarta.faces.ViewState",
                        "forged");
        assertEquals(302, answer.status(), answer.body());
        assertTrue(
                answer.header("Location").orElseThrow().endsWith("/signin.xhtml"),
                answer.header("Location").orElseThrow());
        assertTrue(answer.headers("Set-Cookie").stream().noneMatch(c -> c.startsWith("session=")));
    }

    @Test
    void bootstrapIsServedFromTheWebjar() {
        HttpApi.Reply home = http.get(ServiceUnderTest.url("/"));
        Matcher css =
                Pattern.compile("href=\"(/webjars/bootstrap/[^\"]+\\.css)\"").matcher(home.body());
        assertTrue(css.find(), home.body());
        HttpApi.Reply bootstrap = http.get(ServiceUnderTest.url(css.group(1)));
        assertEquals(200, bootstrap.status());
        assertTrue(bootstrap.header("Content-Type").orElseThrow().startsWith("text/css"));
        assertFalse(home.body().contains("cdn"), "nothing from a CDN");
    }

    private HttpApi.Reply postForm(String path, String cookie, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        URI uri = ServiceUnderTest.url(path);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return cookie == null ? http.send(request) : http.send(request, "Cookie", cookie);
    }

    private static void assertNoStackTrace(HttpApi.Reply reply) {
        for (String tell : List.of("Exception", "\tat ", "at dev.ticketing", "at org.apache")) {
            assertFalse(
                    reply.body().contains(tell), "the page shows a stack trace: " + reply.body());
        }
    }
}
