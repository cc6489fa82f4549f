package dev.ticketing.storefront.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiErrorMapperTest {

    @Test
    void retryAfterIsReadInSecondsAndAnythingElseIsIgnored() {
        assertEquals(Duration.ofSeconds(17), ApiErrorMapper.retryAfter("17"));
        assertEquals(Duration.ofSeconds(3), ApiErrorMapper.retryAfter(" 3 "));
        assertNull(ApiErrorMapper.retryAfter(null));
        assertNull(ApiErrorMapper.retryAfter(""));
        assertNull(ApiErrorMapper.retryAfter("-1"));
        assertNull(ApiErrorMapper.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
    }
}
