package dev.ticketing.common.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestBodyLimitTest {

    /** A request context that answers the few calls the filter makes. */
    private static ContainerRequestContext request(
            String contentLength,
            byte[] body,
            AtomicReference<Response> aborted,
            AtomicReference<InputStream> stream) {
        return request("POST", "api/tickets", contentLength, body, aborted, stream);
    }

    private static ContainerRequestContext request(
            String httpMethod,
            String path,
            String contentLength,
            byte[] body,
            AtomicReference<Response> aborted,
            AtomicReference<InputStream> stream) {
        UriInfo uri =
                (UriInfo)
                        Proxy.newProxyInstance(
                                RequestBodyLimitTest.class.getClassLoader(),
                                new Class<?>[] {UriInfo.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("getPath")) {
                                        return path;
                                    }
                                    throw new UnsupportedOperationException(method.getName());
                                });
        stream.set(new ByteArrayInputStream(body));
        return (ContainerRequestContext)
                Proxy.newProxyInstance(
                        RequestBodyLimitTest.class.getClassLoader(),
                        new Class<?>[] {ContainerRequestContext.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getHeaderString" -> contentLength;
                                    case "getMethod" -> httpMethod;
                                    case "getUriInfo" -> uri;
                                    case "hasEntity" -> body.length > 0;
                                    case "getEntityStream" -> stream.get();
                                    case "setEntityStream" -> {
                                        stream.set((InputStream) args[0]);
                                        yield null;
                                    }
                                    case "abortWith" -> {
                                        aborted.set((Response) args[0]);
                                        yield null;
                                    }
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    method.getName());
                                });
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        AtomicReference<Response> aborted = new AtomicReference<>();
        new RequestBodyLimit(10)
                .filter(request("11", new byte[11], aborted, new AtomicReference<>()));
        assertEquals(413, aborted.get().getStatus());
    }

    @Test
    void aFileUploadHasItsOwnLimit() throws Exception {
        AtomicReference<Response> aborted = new AtomicReference<>();
        AtomicReference<InputStream> stream = new AtomicReference<>();
        RequestBodyLimit limit = new RequestBodyLimit(10, 100);
        limit.filter(request("PUT", "api/tickets/t1/file", "100", new byte[100], aborted, stream));
        assertEquals(null, aborted.get());
        assertEquals(100, stream.get().readAllBytes().length);

        limit.filter(request("PUT", "api/tickets/t1/file", "101", new byte[101], aborted, stream));
        assertEquals(413, aborted.get().getStatus(), "past the file limit");
        aborted.set(null);
        limit.filter(request("PUT", "api/tickets/t1/file", null, new byte[101], aborted, stream));
        assertThrows(RequestBodyLimit.TooLarge.class, () -> stream.get().readAllBytes());
        limit.filter(request("PUT", "api/tickets/t1", "11", new byte[11], aborted, stream));
        assertEquals(413, aborted.get().getStatus(), "any other body keeps the body limit");
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        AtomicReference<Response> aborted = new AtomicReference<>();
        AtomicReference<InputStream> stream = new AtomicReference<>();
        new RequestBodyLimit(10).filter(request("10", new byte[10], aborted, stream));
        assertEquals(null, aborted.get());
        assertEquals(10, stream.get().readAllBytes().length);
    }

    @Test
    void aChunkedBodyIsCutOffPastTheLimit() {
        AtomicReference<Response> aborted = new AtomicReference<>();
        AtomicReference<InputStream> stream = new AtomicReference<>();
        new RequestBodyLimit(10).filter(request(null, new byte[64], aborted, stream));
        assertThrows(RequestBodyLimit.TooLarge.class, () -> stream.get().readAllBytes());
    }

    @Test
    void aTooLargeReadFailureMapsTo413() {
        Response response =
                ErrorResponses.forJson(
                        new jakarta.ws.rs.ProcessingException(new RequestBodyLimit.TooLarge(10)));
        assertEquals(413, response.getStatus());
    }

    @Test
    void aTooLargeRawReadMapsTo413() {
        // A byte[] body (a ticket file) is read by the JAX-RS provider without a wrapper.
        assertEquals(413, ErrorResponses.forAny(new RequestBodyLimit.TooLarge(10)).getStatus());
    }

    @Test
    void anHttp2ContentLengthRepeatedByLibertyIsOneValue() {
        assertEquals(46, RequestBodyLimit.declaredLength("46,46"));
        assertEquals(46, RequestBodyLimit.declaredLength(" 46 "));
        assertThrows(NumberFormatException.class, () -> RequestBodyLimit.declaredLength("46,47"));
        assertThrows(NumberFormatException.class, () -> RequestBodyLimit.declaredLength("-1"));
    }
}
