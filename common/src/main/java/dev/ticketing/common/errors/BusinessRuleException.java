package dev.ticketing.common.errors;

/**
 * 400 with a message only: a business rule refused the request, e.g. "Ticket is already reserved".
 */
public class BusinessRuleException extends ApiException {

    private static final long serialVersionUID = 1L;

    public BusinessRuleException(String message) {
        super(requireMessage(message));
    }

    @Override
    public int status() {
        return 400;
    }

    private static String requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("A business rule needs a message");
        }
        return message;
    }
}
