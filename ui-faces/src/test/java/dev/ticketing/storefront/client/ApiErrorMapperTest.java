package dev.ticketing.storefront.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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

    @Test
    void anApiWhoseStoreIsAwayIsUnreachableButItsOwnSentencesAreShown() {
        assertTrue(answer(503, "Service unavailable").isUnreachable());
        assertTrue(
                new ApiException(502, List.of(new ApiError("Bad Gateway", null)), false)
                        .isUnreachable(),
                "a proxy in front of the API");
        assertFalse(
                answer(503, "The payment provider is unavailable; please try again")
                        .isUnreachable());
        assertFalse(answer(400, "Service unavailable").isUnreachable());
        assertFalse(answer(400, "Ticket is already reserved").isUnreachable());
    }

    private static ApiException answer(int status, String message) {
        return new ApiException(status, List.of(new ApiError(message, null)), true);
    }
}
