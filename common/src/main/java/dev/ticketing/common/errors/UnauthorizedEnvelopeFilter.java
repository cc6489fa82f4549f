package dev.ticketing.common.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Gives the container's own 401/403 the API's envelope. Liberty's mpJwt refuses a missing or bad
 * token while JAX-RS checks {@code @RolesAllowed} (it authenticates lazily, through the trust
 * association interceptor), and writes a bare 401 with an empty body that no exception mapper ever
 * sees and that an error-page does not catch (it is a status, not sendError). Such a response is
 * still uncommitted when the chain returns, so this filter, which every WAR that bundles common
 * gets (servlet annotation scanning of WEB-INF/lib), fills in {@code {"errors":[{"message":"Not
 * authorized"}]}}. Responses that already have a body or a content type are left alone.
 */
@WebFilter(
        filterName = "ticketing-unauthorized-envelope",
        urlPatterns = "/*",
        asyncSupported = true)
public class UnauthorizedEnvelopeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY =
            ErrorEnvelope.of(Problems.NOT_AUTHORIZED).toJson().getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            return;
        }
        int status = response.getStatus();
        if ((status == 401 || status == 403)
                && !response.isCommitted()
                && response.getContentType() == null) {
            // The API has no 403: a refusal is "Not authorized" (common's
            // WebApplicationExceptionMapper says so
            // too).
            response.resetBuffer();
            response.setStatus(401);
            response.setContentType("application/json");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }
}
