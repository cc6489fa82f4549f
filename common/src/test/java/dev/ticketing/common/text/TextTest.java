package dev.ticketing.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void textIsStoredInNfcWithoutSurroundingSpaceOrInvisibleCharacters() {
        assertEquals("Caf\u00e9 concert", Text.clean("  Cafe\u0301 concert\u200b\t"));
        assertEquals("", Text.clean("\u200b\u200d\ufeff \u2060"));
        assertEquals(null, Text.clean(null));
    }

    @Test
    void onlyInvisibleCharactersCountAsEmpty() {
        assertEquals(
                Optional.of(Text.Problem.EMPTY),
                Text.problem(Text.clean("\u200b\u200b\u200b"), 200));
    }

    @Test
    void controlCharactersAndDirectionOverridesAreRefused() {
        assertEquals(Optional.of(Text.Problem.UNPRINTABLE), Text.problem("Row\u0007 5", 200));
        assertEquals(
                Optional.of(Text.Problem.UNPRINTABLE), Text.problem("Seat \u202egnp.exe", 200));
        assertEquals(Optional.of(Text.Problem.UNPRINTABLE), Text.problem("line\nbreak", 200));
        assertEquals(
                Optional.of(Text.Problem.UNPRINTABLE), Text.problem("isolate \u2067x\u2069", 200));
    }

    @Test
    void theLengthIsCountedInCharactersAsAPersonSeesThem() {
        assertEquals(Optional.empty(), Text.problem("\uD83C\uDFB8".repeat(200), 200));
        assertEquals(Optional.of(Text.Problem.TOO_LONG), Text.problem("x".repeat(201), 200));
        assertEquals(
                Optional.empty(),
                Text.problem(
                        "Caf\u00e9 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u4f60\u597d \uD83D\uDC68\u200D\uD83D\uDC69",
                        200));
    }
}
