package dev.ticketing.storefront.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An {@code /api/...} path that reached the storefront belongs to no API (the APIs have their own
 * paths on the one origin, docs/api.md): its answer is the API's JSON 404 envelope, not the
 * storefront's HTML page, in every topology (one server, split behind nginx, an OpenShift route).
 */
@WebFilter(urlPatterns = {"/api", "/api/*"})
public class ApiNotFound extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final byte[] BODY =
            "{\"errors\":[{\"message\":\"Not Found\"}]}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.setStatus(404);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
