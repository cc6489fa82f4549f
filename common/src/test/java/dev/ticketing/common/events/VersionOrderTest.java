package dev.ticketing.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void theNextVersionIsApplied() {
        assertEquals(VersionOrder.NEWER, VersionOrder.of(3, 4));
        assertEquals(VersionOrder.NEWER, VersionOrder.of(-1, 0));
    }

    @Test
    void aVersionPastTheNextOneIsAppliedTooTheCopyCatchesUp() {
        assertEquals(VersionOrder.NEWER, VersionOrder.of(3, 5));
        assertEquals(VersionOrder.NEWER, VersionOrder.of(-1, 1));
    }

    @Test
    void anOlderOrEqualVersionIsADuplicate() {
        assertEquals(VersionOrder.DUPLICATE, VersionOrder.of(3, 3));
        assertEquals(VersionOrder.DUPLICATE, VersionOrder.of(3, 0));
    }
}
