package dev.ticketing.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrowserTest {

    @Test
    void followsNextOnlyToPathsOfThisSite() {
        assertEquals("/ticket?id=42", Browser.safeNext("/ticket?id=42"));
        assertEquals("/", Browser.safeNext(null));
        assertEquals("/", Browser.safeNext("https://evil.example/"));
        assertEquals("/", Browser.safeNext("//evil.example/"));
        assertEquals("/", Browser.safeNext("/\\evil.example/"));
        assertEquals("/", Browser.safeNext("/orders\r\nSet-Cookie: x=y"));
    }
}
