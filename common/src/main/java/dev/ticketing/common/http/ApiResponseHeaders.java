package dev.ticketing.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers every API response carries (docs/api.md, "Hardening"): a browser must never guess another
 * type than the one declared, no cache may keep an answer (they are one user's orders and
 * payments), and no referrer leaves with a link. HSTS when the request came over HTTPS (at the
 * edge: a trusted proxy's X-Forwarded-Proto), so browsers never fall back to plain HTTP.
 */
@Provider
public class ApiResponseHeaders implements ContainerResponseFilter {
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", HSTS);
        }
    }
}
