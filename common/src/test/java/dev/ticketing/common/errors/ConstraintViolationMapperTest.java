package dev.ticketing.common.errors;

import static dev.ticketing.common.errors.Bodies.assertError;
import static dev.ticketing.common.errors.Bodies.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConstraintViolationMapperTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    public record Signup(
            @NotBlank @Email(message = "Email must be valid") String email,
            @NotNull(message = "You must supply a password") String password) {}

    public record NewOrder(
            @JsonbProperty("ticketId") @NotBlank(message = "TicketId must be provided")
                    String ticket) {}

    public static class NewTicket {
        @NotBlank(message = "Title is required")
        public String title;

        private BigDecimal price;

        @JsonbProperty("amount")
        @NotNull(message = "Price must be provided and must be greater than 0")
        @DecimalMin(value = "0", inclusive = false, message = "Price must be greater than 0")
        public BigDecimal getPrice() {
            return price;
        }
    }

    public static class UsersResource {
        public String signup(
                @Valid @NotNull(message = "A body is required") Signup body,
                @QueryParam("limit") @Min(value = 1, message = "Limit must be positive")
                        int limit) {
            return "ok";
        }

        @NotNull
        public String current() {
            return null;
        }
    }

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void oneEntryPerViolationWithTheJsonFieldName() {
        Set<ConstraintViolation<Signup>> violations =
                validator.validate(new Signup("not-an-email", null));
        assertError(
                map(violations),
                400,
                "{\"errors\":[{\"message\":\"Email must be valid\",\"field\":\"email\"},"
                        + "{\"message\":\"You must supply a password\",\"field\":\"password\"}]}");
    }

    @Test
    void jsonbPropertyNamesWinOnRecordComponentsAndGetters() {
        assertError(
                map(validator.validate(new NewOrder(" "))),
                400,
                "{\"errors\":[{\"message\":\"TicketId must be provided\",\"field\":\"ticketId\"}]}");
        NewTicket ticket = new NewTicket();
        ticket.price = new BigDecimal("-1");
        assertError(
                map(validator.validate(ticket)),
                400,
                "{\"errors\":[{\"message\":\"Price must be greater than 0\",\"field\":\"amount\"},"
                        + "{\"message\":\"Title is required\",\"field\":\"title\"}]}");
    }

    @Test
    void resourceParametersUseTheLastPropertyOrTheJaxrsName() throws Exception {
        Method signup = UsersResource.class.getMethod("signup", Signup.class, int.class);
        Set<ConstraintViolation<UsersResource>> violations =
                validator
                        .forExecutables()
                        .validateParameters(
                                new UsersResource(),
                                signup,
                                new Object[] {new Signup("bad", "pw"), 0});
        // paths are signup.body.email (or signup.arg0.email) and signup.limit (or signup.arg1)
        assertEquals(2, violations.size());
        assertError(
                map(violations),
                400,
                "{\"errors\":[{\"message\":\"Email must be valid\",\"field\":\"email\"},"
                        + "{\"message\":\"Limit must be positive\",\"field\":\"limit\"}]}");

        Set<ConstraintViolation<UsersResource>> noBody =
                validator
                        .forExecutables()
                        .validateParameters(new UsersResource(), signup, new Object[] {null, 5});
        assertError(map(noBody), 400, message("A body is required"));
    }

    @Test
    void aViolatedReturnValueIsOurBug() throws Exception {
        Method current = UsersResource.class.getMethod("current");
        Set<ConstraintViolation<UsersResource>> violations =
                validator.forExecutables().validateReturnValue(new UsersResource(), current, null);
        try (LogCapture ignored = new LogCapture()) {
            assertError(map(violations), 500, message("Something went wrong"));
        }
    }

    @Test
    void anEmptyViolationSetIsOurBug() {
        try (LogCapture ignored = new LogCapture()) {
            assertError(
                    new ConstraintViolationMapper()
                            .toResponse(new ConstraintViolationException("?", Set.of())),
                    500,
                    message("Something went wrong"));
        }
    }

    @Test
    void theCatchAllRecognisesViolations() {
        ConstraintViolationException e =
                new ConstraintViolationException(validator.validate(new Signup("a@b.c", null)));
        assertError(
                new UnexpectedExceptionMapper()
                        .toResponse(new java.util.concurrent.CompletionException(e)),
                400,
                "{\"errors\":[{\"message\":\"You must supply a password\",\"field\":\"password\"}]}");
    }

    private static jakarta.ws.rs.core.Response map(
            Set<? extends ConstraintViolation<?>> violations) {
        return new ConstraintViolationMapper()
                .toResponse(new ConstraintViolationException(violations));
    }
}
