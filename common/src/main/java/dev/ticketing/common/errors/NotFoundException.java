package dev.ticketing.common.errors;

/** 404 "Not Found": unknown or malformed id. (Not {@code jakarta.ws.rs.NotFoundException}.) */
public class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException() {
        super(Problems.NOT_FOUND);
    }

    @Override
    public int status() {
        return 404;
    }
}
