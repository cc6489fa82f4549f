package dev.ticketing.common.errors;

/**
 * 401 "Not authorized": not signed in, or not the owner. (Not {@code
 * jakarta.ws.rs.NotAuthorizedException}.)
 */
public class NotAuthorizedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotAuthorizedException() {
        super(Problems.NOT_AUTHORIZED);
    }

    @Override
    public int status() {
        return 401;
    }
}
