package dev.ticketing.common.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
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
        stream.set(new ByteArrayInputStream(body));
        return (ContainerRequestContext)
                Proxy.newProxyInstance(
                        RequestBodyLimitTest.class.getClassLoader(),
                        new Class<?>[] {ContainerRequestContext.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getHeaderString" -> contentLength;
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
    void anHttp2ContentLengthRepeatedByLibertyIsOneValue() {
        assertEquals(46, RequestBodyLimit.declaredLength("46,46"));
        assertEquals(46, RequestBodyLimit.declaredLength(" 46 "));
        assertThrows(NumberFormatException.class, () -> RequestBodyLimit.declaredLength("46,47"));
        assertThrows(NumberFormatException.class, () -> RequestBodyLimit.declaredLength("-1"));
    }
}
