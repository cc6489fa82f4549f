package dev.ticketing.common.errors;

import static dev.ticketing.common.errors.Bodies.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mappers inside RESTEasy 6.2 (what Liberty's restfulWS-3.1 is built on), with its JSON-B
 * reader and Bean Validation: the exceptions the runtime really throws, and which mapper wins.
 */
class ResteasyMappingTest {

    private static final List<Class<?>> MAPPERS =
            List.of(
                    ApiExceptionMapper.class,
                    ConstraintViolationMapper.class,
                    ValidationExceptionMapper.class,
                    WebApplicationExceptionMapper.class,
                    UnexpectedExceptionMapper.class);

    private static Dispatcher dispatcher;

    public record NewTicket(
            @NotBlank(message = "Title is required") String title,
            @NotNull(message = "Price must be provided and must be greater than 0")
                    @DecimalMin(
                            value = "0",
                            inclusive = false,
                            message = "Price must be greater than 0")
                    BigDecimal price) {}

    public record Created(String id, String title, BigDecimal price) {}

    public static class Secret {
        public String getValue() {
            throw new IllegalStateException("secret");
        }
    }

    @Path("/tickets")
    public static class TicketsResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Response create(@Valid @NotNull(message = "A body is required") NewTicket ticket) {
            return Response.status(201)
                    .entity(new Created("t-1", ticket.title(), ticket.price()))
                    .build();
        }

        @GET
        @Path("{id}")
        @Produces(MediaType.APPLICATION_JSON)
        public Created show(@PathParam("id") String id) {
            throw new NotFoundException();
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public List<Created> list(
                @QueryParam("limit") @Min(value = 1, message = "Limit must be positive")
                        Integer limit) {
            return List.of();
        }

        @POST
        @Path("{id}/reserve")
        public void reserve(@PathParam("id") String id) {
            throw new BusinessRuleException("Ticket is already reserved");
        }
    }

    @Path("/faults")
    public static class FaultsResource {
        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("connection string mongodb://admin:pw@db");
        }

        @GET
        @Path("unwritable")
        @Produces(MediaType.APPLICATION_JSON)
        public Secret unwritable() {
            return new Secret();
        }
    }

    @BeforeAll
    static void deploy() {
        dispatcher = MockDispatcherFactory.createDispatcher();
        dispatcher.getRegistry().addPerRequestResource(TicketsResource.class);
        dispatcher.getRegistry().addPerRequestResource(FaultsResource.class);
        MAPPERS.forEach(dispatcher.getProviderFactory()::registerProvider);
    }

    @Test
    void aValidBodyStillWorks() throws Exception {
        MockHttpResponse response = post("/tickets", "{\"title\":\"Concert\",\"price\":10.50}");
        assertEquals(201, response.getStatus());
        assertEquals(
                "{\"id\":\"t-1\",\"price\":10.50,\"title\":\"Concert\"}",
                response.getContentAsString());
    }

    @Test
    void malformedJsonAndWrongTypesAre400MalformedJson() throws Exception {
        for (String body :
                List.of(
                        "{\"title\":",
                        "{\"title\":\"A\",\"price\":\"ten\"}",
                        "[1]",
                        "{\"title\":{},\"price\":1}",
                        "nope")) {
            assertEnvelope(post("/tickets", body), 400, message("Malformed JSON"));
        }
    }

    @Test
    void beanValidationIs400PerField() throws Exception {
        assertEnvelope(
                post("/tickets", "{\"title\":\" \",\"price\":0}"),
                400,
                "{\"errors\":[{\"message\":\"Price must be greater than 0\",\"field\":\"price\"},"
                        + "{\"message\":\"Title is required\",\"field\":\"title\"}]}");
        assertEnvelope(
                post("/tickets", "{}"),
                400,
                "{\"errors\":[{\"message\":\"Price must be provided and must be greater than 0\",\"field\":\"price\"},"
                        + "{\"message\":\"Title is required\",\"field\":\"title\"}]}");
        assertEnvelope(post("/tickets", ""), 400, message("A body is required"));
        assertEnvelope(
                get("/tickets?limit=0"),
                400,
                "{\"errors\":[{\"message\":\"Limit must be positive\",\"field\":\"limit\"}]}");
    }

    @Test
    void unconvertibleQueryParametersAre404AsTheSpecSays() throws Exception {
        assertEnvelope(get("/tickets?limit=many"), 404, message("Not Found"));
    }

    @Test
    void ourExceptionsReachTheClient() throws Exception {
        assertEnvelope(get("/tickets/nope"), 404, message("Not Found"));
        assertEnvelope(
                post("/tickets/t-1/reserve", ""), 400, message("Ticket is already reserved"));
    }

    @Test
    void routingFailuresUseTheEnvelope() throws Exception {
        assertEnvelope(get("/nowhere"), 404, message("Not Found"));
        MockHttpResponse notAllowed = send(MockHttpRequest.delete("/tickets"));
        assertEnvelope(notAllowed, 405, message("Method not allowed"));
        assertTrue(String.valueOf(notAllowed.getOutputHeaders().getFirst("Allow")).contains("GET"));
        assertEnvelope(
                send(
                        MockHttpRequest.post("/tickets")
                                .contentType(MediaType.TEXT_PLAIN_TYPE)
                                .content("x".getBytes(StandardCharsets.UTF_8))),
                415,
                message("Unsupported media type"));
        assertEnvelope(
                send(MockHttpRequest.get("/tickets").accept(MediaType.APPLICATION_XML_TYPE)),
                406,
                message("Not acceptable"));
    }

    @Test
    void optionsStillAnswers() throws Exception {
        MockHttpResponse response = send(MockHttpRequest.options("/tickets"));
        assertEquals(200, response.getStatus());
        assertTrue(String.valueOf(response.getOutputHeaders().getFirst("Allow")).contains("POST"));
    }

    @Test
    void bugsAre500WithoutDetails() throws Exception {
        try (LogCapture log = new LogCapture()) {
            MockHttpResponse boom = get("/faults/boom");
            assertEnvelope(boom, 500, message("Something went wrong"));
            assertEnvelope(get("/faults/unwritable"), 500, message("Something went wrong"));
            assertTrue(log.at(java.util.logging.Level.SEVERE).size() >= 2);
        }
    }

    private static MockHttpResponse post(String uri, String json) throws Exception {
        return send(
                MockHttpRequest.post(uri)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .content(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static MockHttpResponse get(String uri) throws Exception {
        return send(MockHttpRequest.get(uri).accept(MediaType.APPLICATION_JSON_TYPE));
    }

    private static MockHttpResponse send(MockHttpRequest request) {
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(request, response);
        return response;
    }

    private static void assertEnvelope(MockHttpResponse response, int status, String body)
            throws Exception {
        assertEquals(status, response.getStatus(), response.getContentAsString());
        assertEquals(
                "application/json",
                String.valueOf(response.getOutputHeaders().getFirst("Content-Type")));
        assertEquals(body, response.getContentAsString());
    }
}
