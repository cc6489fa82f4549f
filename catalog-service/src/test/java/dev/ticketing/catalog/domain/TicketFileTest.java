package dev.ticketing.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.common.errors.BusinessRuleException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A ticket file is what its bytes are, whatever its name or Content-Type says. */
class TicketFileTest {
    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");

    private static final byte[] PDF =
            "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    /** The smallest whole PNG: signature, IHDR, IDAT, IEND. */
    private static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1A,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        6,
        0,
        0,
        0,
        0x1F,
        0x15,
        (byte) 0xC4,
        (byte) 0x89,
        0,
        0,
        0,
        13,
        'I',
        'D',
        'A',
        'T',
        0x78,
        (byte) 0x9C,
        0x63,
        0,
        1,
        0,
        0,
        5,
        0,
        1,
        0x0D,
        0x0A,
        0x2D,
        (byte) 0xB4,
        0,
        0,
        0,
        0,
        'I',
        'E',
        'N',
        'D',
        (byte) 0xAE,
        0x42,
        0x60,
        (byte) 0x82
    };

    private static final byte[] JPEG = {
        (byte) 0xFF,
        (byte) 0xD8,
        (byte) 0xFF,
        (byte) 0xE0,
        0,
        16,
        'J',
        'F',
        'I',
        'F',
        0,
        1,
        1,
        0,
        0,
        1,
        0,
        1,
        0,
        0,
        (byte) 0xFF,
        (byte) 0xD9
    };

    private static String refusal(TicketFile.Type type, byte[] content) {
        return assertThrows(
                        BusinessRuleException.class,
                        () -> TicketFile.accept("f1", type, content, NOW))
                .getMessage();
    }

    @Test
    void eachTypeIsAcceptedForItsOwnBytes() {
        assertEquals(
                new TicketFile("f1", TicketFile.Type.PDF, PDF.length, NOW),
                TicketFile.accept("f1", TicketFile.Type.PDF, PDF, NOW));
        assertEquals(PNG.length, TicketFile.accept("f1", TicketFile.Type.PNG, PNG, NOW).size());
        assertEquals(JPEG.length, TicketFile.accept("f1", TicketFile.Type.JPEG, JPEG, NOW).size());
    }

    @Test
    void disguisedDamagedAndEmptyFilesAreRefusedWithTheirReason() {
        assertEquals("The ticket file is not a valid PDF", refusal(TicketFile.Type.PDF, PNG));
        assertEquals(
                "The ticket file is not a valid PNG image", refusal(TicketFile.Type.PNG, JPEG));
        assertEquals(
                "The ticket file is not a valid JPEG image", refusal(TicketFile.Type.JPEG, PDF));
        assertEquals(
                "The ticket file is not a valid PDF",
                refusal(TicketFile.Type.PDF, Arrays.copyOf(PDF, 20)),
                "a PDF cut short has no end marker");
        assertEquals(
                "The ticket file is not a valid PNG image",
                refusal(TicketFile.Type.PNG, Arrays.copyOf(PNG, 40)));
        assertEquals(
                "The ticket file is not a valid JPEG image",
                refusal(TicketFile.Type.JPEG, Arrays.copyOf(JPEG, 10)));
        assertEquals("The ticket file is empty", refusal(TicketFile.Type.PDF, new byte[0]));
    }

    @Test
    void theTypeIsNamedByTheMediaTypeAlone() {
        assertEquals(
                Optional.of(TicketFile.Type.PDF), TicketFile.Type.ofMediaType("application/pdf"));
        assertEquals(
                Optional.of(TicketFile.Type.JPEG),
                TicketFile.Type.ofMediaType("IMAGE/JPEG; charset=binary"));
        assertEquals(Optional.empty(), TicketFile.Type.ofMediaType("image/gif"));
        assertEquals(Optional.empty(), TicketFile.Type.ofMediaType("application/octet-stream"));
        assertEquals(Optional.empty(), TicketFile.Type.ofMediaType(null));
        assertEquals("pdf", TicketFile.Type.PDF.extension());
        assertEquals("image/png", TicketFile.Type.PNG.mediaType());
    }
}
