package dev.ticketing.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.function.Supplier;
import org.apache.cxf.jaxrs.client.JAXRSClientFactoryBean;
import org.apache.cxf.jaxrs.client.ResponseExceptionMapper;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.microshed.testing.jaxrs.JsonBProvider;
import org.microshed.testing.jaxrs.RestClientBuilder;

/**
 * Typed clients of a service's own JAX-RS resource classes, built by MicroShed Testing against the
 * server the build started for the module's integration tests (its manually started environment,
 * configured by the failsafe properties {@code microshed_*}). A client calls the routes as the
 * resource declares them, and a refusal arrives as the {@link WebApplicationException} JAX-RS maps
 * its status to, whose response still carries the error envelope of docs/api.md.
 */
public final class ApiClients {
    private ApiClients() {}

    /** A client of {@code resource} for an anonymous visitor. */
    public static <T> T anonymous(Class<T> resource) {
        return builder().build(resource);
    }

    /** A client of {@code resource} that carries {@code user}'s session cookie. */
    public static <T> T as(Sessions.User user, Class<T> resource) {
        return builder().withHeader("Cookie", user.cookie()).build(resource);
    }

    /**
     * A client of {@code resource} that sends these headers (name, value, name, value...) with
     * every call: a forwarded client address, a session cookie.
     */
    public static <T> T withHeaders(Class<T> resource, String... headers) {
        RestClientBuilder builder = builder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.withHeader(headers[i], headers[i + 1]);
        }
        return builder.build(resource);
    }

    /**
     * A client of {@code resource} whose routes are under {@code base}: a copy of the module's
     * server on ports of its own, which MicroShed's builder (bound to the server the build started)
     * cannot address. Built as that builder builds its clients: CXF's client factory with the same
     * providers.
     */
    public static <T> T at(URI base, Class<T> resource) {
        JAXRSClientFactoryBean factory = new JAXRSClientFactoryBean();
        factory.setResourceClass(resource);
        factory.setProviders(List.of(new JsonBProvider(), new KeepRefusalBody()));
        factory.setAddress(base.toString());
        return factory.create(resource);
    }

    private static RestClientBuilder builder() {
        return new RestClientBuilder().withProviders(JsonBProvider.class, KeepRefusalBody.class);
    }

    /**
     * Without it, the client closes a refusal's body before the test can read it: the exception
     * keeps the response, its body buffered.
     */
    public static class KeepRefusalBody
            implements ResponseExceptionMapper<WebApplicationException> {
        @Override
        public WebApplicationException fromResponse(Response response) {
            response.bufferEntity();
            return new WebApplicationException(response);
        }
    }

    /**
     * The answer of a typed call to a route that answers a {@link Response} (placing an order,
     * listing a ticket, withdrawing it), as it came over the wire: status, headers and body, for
     * the helpers whose tests read the body as JSON or expect a refusal. A refusal the client threw
     * arrives the same way.
     */
    public static HttpApi.Reply reply(Supplier<Response> call) {
        try (Response response = answerOf(call)) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new HttpApi.Reply(
                    response.getStatus(),
                    body,
                    HttpHeaders.of(response.getStringHeaders(), (name, value) -> true));
        }
    }

    private static Response answerOf(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    /**
     * A call's refusal: its status and its whole body, as the client received them ({@code body}
     * null where a client without {@link KeepRefusalBody} had already closed it).
     */
    public record Refusal(int status, String contentType, JsonObject body) {}

    /**
     * Runs a call that must be refused and returns the refusal: a route typed with a response
     * entity throws it as a {@link WebApplicationException}, a route typed {@link Response} returns
     * it.
     */
    public static Refusal refusal(ThrowingSupplier<?> call) {
        Object result;
        try {
            result = call.get();
        } catch (WebApplicationException e) {
            return refusalOf(e.getResponse());
        } catch (Throwable e) {
            throw new AssertionError("expected a refusal (WebApplicationException), got " + e, e);
        }
        if (result instanceof Response response && response.getStatus() >= 400) {
            return refusalOf(response);
        }
        throw new AssertionError("expected a refusal, but the call answered " + describe(result));
    }

    /** The error envelope of docs/api.md with one message about the whole request. */
    public static JsonObject error(String message) {
        return error(message, null);
    }

    /**
     * The error envelope of docs/api.md with one message, about {@code field} (null: the whole
     * request).
     */
    public static JsonObject error(String message, String field) {
        var error = Json.createObjectBuilder().add("message", message);
        if (field != null) {
            error.add("field", field);
        }
        return Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(error))
                .build();
    }

    private static Refusal refusalOf(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new Refusal(
                response.getStatus(),
                String.valueOf(response.getMediaType()),
                body.isBlank() ? null : Json.createReader(new StringReader(body)).readObject());
    }

    private static String describe(Object result) {
        return result instanceof Response response
                ? response.getStatus() + " " + response.readEntity(String.class)
                : String.valueOf(result);
    }
}
