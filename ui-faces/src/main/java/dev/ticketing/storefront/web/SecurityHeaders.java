package dev.ticketing.storefront.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every storefront response carries: no framing by other sites (clickjacking a "Pay"
 * button), no content sniffing, no referrer beyond this site; pages, which show one visitor's
 * orders, are never stored by a cache (the back button after signing out shows nothing); a strict
 * Content-Security-Policy (scripts and styles only from this origin's files, none inline; Stripe's
 * checkout script and frames when the order page uses it), and HSTS once the visitor came by HTTPS.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String CSP =
            "default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self'; "
                    + "img-src 'self' data:; font-src 'self'; connect-src 'self' https://api.stripe.com; "
                    + "frame-src https://js.stripe.com https://hooks.stripe.com; frame-ancestors 'none'; base-uri 'self'; "
                    + "form-action 'self'; object-src 'none'";

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CSP);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/webjars/") && !path.startsWith("/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
