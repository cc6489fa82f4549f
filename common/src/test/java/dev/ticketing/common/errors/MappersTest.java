package dev.ticketing.common.errors;

import static dev.ticketing.common.errors.Bodies.assertError;
import static dev.ticketing.common.errors.Bodies.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonGenerationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.resteasy.spi.DefaultOptionsMethodException;
import org.jboss.resteasy.spi.ReaderException;
import org.junit.jupiter.api.Test;

class MappersTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    record Ticket(String title, BigDecimal price) {}

    /**
     * Stands in for a JSON-B MessageBodyReader: the method name is what the runtime's stack shows.
     */
    static Object readFrom(String body) {
        try {
            return JSONB.fromJson(body, Ticket.class);
        } catch (Throwable e) {
            throw new ProcessingException(
                    "RESTEASY008200: JSON Binding deserialization error: " + e, e);
        }
    }

    /** Stands in for a JSON-B MessageBodyWriter. */
    static void writeTo(Object entity) {
        try {
            JSONB.toJson(entity);
        } catch (Throwable e) {
            throw new ProcessingException(
                    "RESTEASY008205: JSON Binding serialization error " + e, e);
        }
    }

    public static class Unserialisable {
        public String getBroken() {
            throw new IllegalStateException("secret");
        }
    }

    @Test
    void ourExceptionsKeepTheirStatusAndMessage() {
        ApiExceptionMapper mapper = new ApiExceptionMapper();
        assertError(
                mapper.toResponse(new BusinessRuleException("Ticket is already reserved")),
                400,
                message("Ticket is already reserved"));
        assertError(
                mapper.toResponse(new NotAuthorizedException()), 401, message("Not authorized"));
        assertError(mapper.toResponse(new NotFoundException()), 404, message("Not Found"));
    }

    @Test
    void validationFailureListsEveryRuleInCheckOrder() {
        ValidationFailure.Builder problems =
                ValidationFailure.builder()
                        .add("password", "Password must be between 4 and 20 characters")
                        .addIf(false, "email", "never")
                        .addIf(true, "email", "Email must be valid");
        ValidationFailure failure =
                org.junit.jupiter.api.Assertions.assertThrows(
                        ValidationFailure.class, problems::throwIfAny);
        assertError(
                new ApiExceptionMapper().toResponse(failure),
                400,
                "{\"errors\":[{\"message\":\"Password must be between 4 and 20 characters\",\"field\":\"password\"},"
                        + "{\"message\":\"Email must be valid\",\"field\":\"email\"}]}");
        ValidationFailure.builder().throwIfAny(); // nothing recorded, nothing thrown
        assertError(
                new ApiExceptionMapper()
                        .toResponse(ValidationFailure.of("ticketId", "TicketId must be provided")),
                400,
                "{\"errors\":[{\"message\":\"TicketId must be provided\",\"field\":\"ticketId\"}]}");
    }

    @Test
    void tooManyRequestsSaysWhenToRetry() {
        Response response =
                new ApiExceptionMapper()
                        .toResponse(new TooManyRequestsException(Duration.ofMillis(29_001)));
        assertError(response, 429, message("Too many requests"));
        assertEquals("30", response.getHeaderString("Retry-After"));
        Response custom =
                new ApiExceptionMapper()
                        .toResponse(
                                new TooManyRequestsException(
                                        "Too many sign-in attempts", Duration.ZERO));
        assertError(custom, 429, message("Too many sign-in attempts"));
        assertEquals("1", custom.getHeaderString("Retry-After"));
    }

    @Test
    void runtimeClientErrorsGetTheirStatusAndASafeMessage() {
        assertError(
                new WebApplicationExceptionMapper()
                        .toResponse(
                                new jakarta.ws.rs.NotFoundException(
                                        "RESTEASY003210: Could not find resource for full path: /x")),
                404,
                message("Not Found"));
        Response notAllowed =
                new WebApplicationExceptionMapper()
                        .toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        assertError(notAllowed, 405, message("Method not allowed"));
        assertTrue(
                notAllowed.getHeaderString("Allow").contains("GET"),
                notAllowed.getHeaderString("Allow"));
        assertError(
                new WebApplicationExceptionMapper()
                        .toResponse(new ForbiddenException("RESTEASY: role user required")),
                401,
                message("Not authorized"));
        assertError(
                new WebApplicationExceptionMapper()
                        .toResponse(new jakarta.ws.rs.NotAuthorizedException("Bearer")),
                401,
                message("Not authorized"));
        assertError(
                new WebApplicationExceptionMapper().toResponse(new NotSupportedException()),
                415,
                message("Unsupported media type"));
        assertError(
                new WebApplicationExceptionMapper().toResponse(new NotAcceptableException()),
                406,
                message("Not acceptable"));
        assertError(
                new WebApplicationExceptionMapper()
                        .toResponse(
                                new BadRequestException(
                                        "RESTEASY003870: Unable to extract parameter")),
                400,
                message("Bad Request"));
        assertError(
                new WebApplicationExceptionMapper().toResponse(new WebApplicationException(413)),
                413,
                message("Request body too large"));
        assertError(
                new WebApplicationExceptionMapper().toResponse(new WebApplicationException(409)),
                409,
                message("Conflict"));
        assertError(
                new WebApplicationExceptionMapper().toResponse(new WebApplicationException(403)),
                401,
                message("Not authorized"));
    }

    @Test
    void badRequestWrappingJsonIsMalformedJson() {
        BadRequestException wrapped =
                new BadRequestException(
                        new JsonbException("Unexpected char 123 at org.eclipse.yasson..."));
        assertError(
                new WebApplicationExceptionMapper().toResponse(wrapped),
                400,
                message("Malformed JSON"));
    }

    @Test
    void serverSideWebErrorsAreLoggedAndHidden() {
        try (LogCapture log = new LogCapture()) {
            Response response =
                    new WebApplicationExceptionMapper()
                            .toResponse(new WebApplicationException("db down", 500));
            assertError(response, 500, message("Something went wrong"));
            assertEquals(1, log.at(Level.SEVERE).size());
        }
        Response unavailable =
                new WebApplicationExceptionMapper()
                        .toResponse(new ServiceUnavailableException(120L));
        assertError(unavailable, 503, message("Service unavailable"));
        assertEquals("120", unavailable.getHeaderString("Retry-After"));
    }

    @Test
    void redirectsPassThrough() {
        RedirectionException redirect = new RedirectionException(303, URI.create("/api/tickets/1"));
        assertSame(
                redirect.getResponse(), new WebApplicationExceptionMapper().toResponse(redirect));
    }

    @Test
    void unreadableRequestBodiesAreMalformedJson() {
        for (String body :
                List.of(
                        "{\"title\":",
                        "{\"title\":\"A\",\"price\":\"ten\"}",
                        "[1,2]",
                        "{\"price\":{}}",
                        "nope")) {
            ProcessingException e = catchThrown(() -> readFrom(body));
            assertError(
                    new UnexpectedExceptionMapper().toResponse(e), 400, message("Malformed JSON"));
            // the same failure reaching the catch-all (e.g. wrapped by the runtime) maps the same
            // way
            assertError(
                    new UnexpectedExceptionMapper().toResponse(new ReaderException(e)),
                    400,
                    message("Malformed JSON"));
            assertError(
                    new UnexpectedExceptionMapper().toResponse(e), 400, message("Malformed JSON"));
        }
    }

    @Test
    void rawJsonExceptionsFromTheRequestAreMalformedJson() {
        JsonbException bind = catchThrown(() -> JSONB.fromJson("{\"price\":true}", Ticket.class));
        assertError(
                new UnexpectedExceptionMapper().toResponse(bind), 400, message("Malformed JSON"));
        JsonException parse =
                catchThrown(() -> Json.createReader(new StringReader("{\"a\":")).readObject());
        assertError(
                new UnexpectedExceptionMapper().toResponse(parse), 400, message("Malformed JSON"));
    }

    @Test
    void failingToWriteAResponseIsOurBug() {
        try (LogCapture log = new LogCapture()) {
            ProcessingException e = catchThrown(() -> writeTo(new Unserialisable()));
            Response response = new UnexpectedExceptionMapper().toResponse(e);
            assertError(response, 500, message("Something went wrong"));
            assertEquals(1, log.at(Level.SEVERE).size());
            JsonbException direct = catchThrown(() -> JSONB.toJson(new Unserialisable()));
            assertError(
                    new UnexpectedExceptionMapper().toResponse(direct),
                    500,
                    message("Something went wrong"));
            assertError(
                    new UnexpectedExceptionMapper().toResponse(new JsonGenerationException("bad")),
                    500,
                    message("Something went wrong"));
            // a client call that failed to connect is an outage, not a malformed request
            assertError(
                    new UnexpectedExceptionMapper()
                            .toResponse(
                                    new ProcessingException(new IOException("Connection refused"))),
                    500,
                    message("Something went wrong"));
        }
    }

    @Test
    void unexpectedFailuresAreLoggedWithAnIncidentIdAndNeverShown() {
        try (LogCapture log = new LogCapture()) {
            Response response =
                    new UnexpectedExceptionMapper()
                            .toResponse(
                                    new IllegalStateException(
                                            "password=hunter2 at com.example.Store"));
            assertError(response, 500, message("Something went wrong"));
            String incident = response.getHeaderString(Problems.INCIDENT_HEADER);
            assertTrue(incident.matches("[0-9a-f]{8}"), incident);
            List<LogRecord> severe = log.at(Level.SEVERE);
            assertEquals(1, severe.size());
            assertTrue(severe.get(0).getMessage().contains(incident), severe.get(0).getMessage());
            assertTrue(severe.get(0).getThrown() instanceof IllegalStateException);
            assertFalse(((String) response.getEntity()).contains("hunter2"));
        }
    }

    @Test
    void catchAllUnwrapsAndDispatches() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        assertError(
                mapper.toResponse(
                        new CompletionException(
                                new BusinessRuleException("Order has already been paid for"))),
                400,
                message("Order has already been paid for"));
        assertError(
                mapper.toResponse(new CompletionException(new jakarta.ws.rs.NotFoundException())),
                404,
                message("Not Found"));
        assertError(
                mapper.toResponse(new Error("out of cheese")),
                500,
                message("Something went wrong"));
    }

    @Test
    void resteasyAnswersThatAreNotErrorsPassThrough() {
        Response allow = Response.ok().header("Allow", "GET, OPTIONS").build();
        assertSame(
                allow,
                new UnexpectedExceptionMapper()
                        .toResponse(new DefaultOptionsMethodException("options", allow)));
        ReaderException tooLarge = new ReaderException("too large", 413);
        assertError(
                new UnexpectedExceptionMapper().toResponse(tooLarge),
                413,
                message("Request body too large"));
    }

    @Test
    void problemsHelpers() {
        assertError(
                Problems.badRequest("Cannot edit a reserved ticket"),
                400,
                message("Cannot edit a reserved ticket"));
        assertError(Problems.notFound(), 404, message("Not Found"));
        assertError(Problems.notAuthorized(), 401, message("Not authorized"));
        assertError(
                Problems.validation(List.of(ApiError.onField("title", "Title is required"))),
                400,
                "{\"errors\":[{\"message\":\"Title is required\",\"field\":\"title\"}]}");
        assertNull(ErrorEnvelope.of("x").errors().get(0).field());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T catchThrown(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            return (T) t;
        }
        throw new AssertionError("nothing thrown");
    }
}
