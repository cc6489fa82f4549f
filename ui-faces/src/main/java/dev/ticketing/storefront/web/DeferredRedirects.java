package dev.ticketing.storefront.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * A page's redirect leaves only once the Faces request that asked for it has finished. MyFaces
 * saves the flash (the messages a redirect carries: "Only the seller of a listing can withdraw
 * it.", "Your listing is withdrawn") into the session after the lifecycle's last phase, while
 * {@code sendRedirect} commits the 302 at once: a quick browser could ask for the next page before
 * those messages were saved and get it without them (CI lost "Only the seller" once so). Holding
 * the redirect back until then makes the flash as reliable as the redirect itself.
 */
@WebFilter(servletNames = "Faces Servlet")
public class DeferredRedirects extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Deferred deferred = new Deferred(response);
        chain.doFilter(request, deferred);
        deferred.send();
    }

    /** The response as the page sees it: a redirect is recorded, and counts as committed. */
    static final class Deferred extends HttpServletResponseWrapper {
        private String location;

        Deferred(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) {
            if (isCommitted()) {
                // What the container does: a response says one thing.
                throw new IllegalStateException("The response is already committed");
            }
            this.location = location;
        }

        @Override
        public boolean isCommitted() {
            return location != null || super.isCommitted();
        }

        /** The redirect the page asked for, if any, now that its request has finished. */
        void send() throws IOException {
            if (location != null) {
                super.sendRedirect(location);
            }
        }
    }
}
