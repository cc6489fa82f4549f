package dev.ticketing.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferredRedirectsTest {
    private final List<String> happened = new ArrayList<>();

    /** The container's response: records the redirect it is told to send. */
    private final HttpServletResponse container =
            (HttpServletResponse)
                    Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {HttpServletResponse.class},
                            (proxy, method, args) -> {
                                switch (method.getName()) {
                                    case "sendRedirect" -> happened.add("302 " + args[0]);
                                    case "isCommitted" -> {
                                        return happened.stream().anyMatch(e -> e.startsWith("302"));
                                    }
                                    default -> {}
                                }
                                return null;
                            });

    private final HttpServletRequest request =
            (HttpServletRequest)
                    Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {HttpServletRequest.class},
                            (proxy, method, args) -> null);

    @Test
    void theRedirectLeavesAfterTheRequestHasSavedItsFlash() throws Exception {
        FilterChain faces =
                (req, res) -> {
                    HttpServletResponse response = (HttpServletResponse) res;
                    response.sendRedirect("/listings");
                    assertTrue(response.isCommitted(), "the page sees its redirect as sent");
                    // The lifecycle's last phase, after the redirect: MyFaces saves the flash.
                    happened.add("flash saved");
                };

        new DeferredRedirects().doFilter(request, container, faces);

        assertEquals(List.of("flash saved", "302 /listings"), happened);
    }

    @Test
    void aSecondRedirectIsRefusedAsTheContainerWould() throws Exception {
        FilterChain faces =
                (req, res) -> {
                    HttpServletResponse response = (HttpServletResponse) res;
                    response.sendRedirect("/listings");
                    assertThrows(IllegalStateException.class, () -> response.sendRedirect("/"));
                };

        new DeferredRedirects().doFilter(request, container, faces);

        assertEquals(List.of("302 /listings"), happened);
    }

    @Test
    void aPageWithoutARedirectIsLeftAsItWas() throws Exception {
        FilterChain faces =
                (req, res) -> {
                    assertFalse(((HttpServletResponse) res).isCommitted());
                    happened.add("rendered");
                };

        new DeferredRedirects().doFilter(request, container, faces);

        assertEquals(List.of("rendered"), happened);
    }
}
