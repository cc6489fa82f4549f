package dev.ticketing.common.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of every WAR that bundles common (declared in common's web-fragment.xml): what the
 * servlet container itself refuses, before or outside JAX-RS (a request URI with an encoded slash,
 * a failure in a filter), answers in the API's envelope instead of Liberty's HTML page, which names
 * internal classes, line numbers and exception messages. A WAR's own web.xml error pages (the
 * storefront's friendly HTML ones) take precedence over these.
 */
public class ContainerErrorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status =
                code instanceof Integer i && i >= 400 ? i : 404; // asked for directly: nothing here
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String incident = null;
        if (status >= 500 && status != 503) {
            incident = Problems.incidentId();
            LOG.log(
                    Level.SEVERE,
                    "Unexpected error, incident "
                            + incident
                            + " on "
                            + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    thrown instanceof Throwable t ? t : null);
        }
        byte[] body =
                ErrorEnvelope.of(Problems.messageFor(status))
                        .toJson()
                        .getBytes(StandardCharsets.UTF_8);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (incident != null) {
            response.setHeader(Problems.INCIDENT_HEADER, incident);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
