package dev.ticketing.catalog.it;

import static dev.ticketing.catalog.it.Catalog.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ticket itself (docs/api.md, "Delivery and payouts"): the seller attaches a PDF, PNG or JPEG
 * to a listing, and only the seller and the buyer of the completed sale can download it. Files are
 * checked by their content; sizes by the 5 MiB limit.
 */
class TicketFilesIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int FIVE_MIB = 5 * 1024 * 1024;

    private static Sessions.User seller;
    private static Sessions.User buyer;
    private static Sessions.User stranger;
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        seller = Sessions.signUp();
        buyer = Sessions.signUp();
        stranger = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    /** A real, whole PDF of about {@code size} bytes (padded with a comment). */
    static byte[] pdf(int size) {
        String head = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%";
        String tail = "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        byte[] out = new byte[Math.max(size, head.length() + tail.length())];
        Arrays.fill(out, (byte) 'x');
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, out, out.length - t.length, t.length);
        return out;
    }

    /** A real image, written by the JDK's encoder ("png" or "jpeg"). */
    static byte[] image(String format) {
        BufferedImage picture = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 4, 0xFF8800);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertTrue(ImageIO.write(picture, format, out), format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpApi.Reply attach(
            Sessions.User who, String ticketId, String type, byte[] content) {
        HttpRequest.Builder put =
                HttpRequest.newBuilder(ServiceUnderTest.url("/api/tickets/" + ticketId + "/file"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (type != null) {
            put.header("Content-Type", type);
        }
        return Catalog.HTTP.send(put, who == null ? new String[0] : who.auth());
    }

    private static HttpResponse<byte[]> download(Sessions.User who, String ticketId)
            throws Exception {
        HttpRequest.Builder get =
                HttpRequest.newBuilder(ServiceUnderTest.url("/api/tickets/" + ticketId + "/file"))
                        .timeout(Duration.ofSeconds(30))
                        .GET();
        if (who != null) {
            get.header(who.auth()[0], who.auth()[1]);
        }
        return CLIENT.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertRefused(HttpResponse<byte[]> reply, int status, String message) {
        assertError(
                new HttpApi.Reply(
                        reply.statusCode(),
                        new String(reply.body(), StandardCharsets.UTF_8),
                        reply.headers()),
                status,
                message);
    }

    /** order.created for {@code buyer}, applied: the listing is reserved; the order's id. */
    private static String reserve(String ticketId, Sessions.User buyer) {
        String orderId = Catalog.newOrderId();
        bus.publish(
                "order.created",
                Events.toJson(
                        EventEnvelope.of(
                                new OrderCreated(
                                        orderId,
                                        0,
                                        "created",
                                        buyer.id(),
                                        Instant.now().plusSeconds(900),
                                        new OrderCreated.Ticket(ticketId, new BigDecimal("30"))))),
                "it-" + UUID.randomUUID());
        awaitState(ticketId, "reserved");
        return orderId;
    }

    /** order.completed naming {@code buyer}, applied: the listing is sold to them. */
    private static void complete(String ticketId, String orderId, Sessions.User buyer) {
        bus.publish(
                "order.completed",
                Events.toJson(
                        EventEnvelope.of(
                                new OrderCompleted(
                                        orderId,
                                        1,
                                        buyer.id(),
                                        new OrderCompleted.Ticket(ticketId)))),
                "it-" + UUID.randomUUID());
        awaitState(ticketId, "sold");
    }

    private static void awaitState(String ticketId, String state) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Catalog.ticket(ticketId).getString("state").equals(state));
    }

    @Test
    void theSellerAttachesReplacesAndDownloadsTheTicket() throws Exception {
        String id = Catalog.listed(seller, "with a file", "30").getString("id");
        assertFalse(Catalog.ticket(id).getBoolean("hasFile"));
        assertRefused(download(seller, id), 404, "Not Found");

        byte[] first = pdf(2_000);
        HttpApi.Reply attached = attach(seller, id, "application/pdf", first);
        assertEquals(204, attached.status(), attached.body());
        assertEquals("", attached.body());
        assertTrue(Catalog.ticket(id).getBoolean("hasFile"));
        assertEquals(0, Catalog.ticket(id).getInt("version"), "no new version for a file");

        HttpResponse<byte[]> got = download(seller, id);
        assertEquals(200, got.statusCode());
        assertArrayEquals(first, got.body());
        assertEquals("application/pdf", got.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"ticket-" + id + ".pdf\"",
                got.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("private, no-store", got.headers().firstValue("Cache-Control").orElseThrow());

        byte[] second = image("png");
        assertEquals(204, attach(seller, id, "image/png", second).status());
        got = download(seller, id);
        assertArrayEquals(second, got.body(), "the second upload replaced the first");
        assertEquals("image/png", got.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"ticket-" + id + ".png\"",
                got.headers().firstValue("Content-Disposition").orElseThrow());

        byte[] third = image("jpeg");
        assertEquals(204, attach(seller, id, "image/jpeg; charset=binary", third).status());
        assertArrayEquals(third, download(seller, id).body());
    }

    @Test
    void onlyTheSellerAndThePayingBuyerCanDownload() throws Exception {
        String id = Catalog.listed(seller, "who may download", "30").getString("id");
        byte[] ticket = pdf(5_000);

        assertError(attach(null, id, "application/pdf", ticket), 401, "Not authorized");
        assertError(attach(stranger, id, "application/pdf", ticket), 401, "Not authorized");
        assertError(attach(buyer, id, "application/pdf", ticket), 401, "Not authorized");
        assertFalse(Catalog.ticket(id).getBoolean("hasFile"));
        assertEquals(204, attach(seller, id, "application/pdf", ticket).status());

        assertRefused(download(null, id), 401, "Not authorized");
        assertRefused(download(stranger, id), 401, "Not authorized");
        assertRefused(download(buyer, id), 401, "Not authorized"); // nothing bought yet

        String orderId = reserve(id, buyer);
        assertRefused(download(buyer, id), 401, "Not authorized"); // reserved, not paid
        // A reserved listing's file may still be replaced by its seller.
        assertEquals(204, attach(seller, id, "application/pdf", ticket).status());

        complete(id, orderId, buyer);

        HttpResponse<byte[]> bought = download(buyer, id);
        assertEquals(200, bought.statusCode());
        assertArrayEquals(ticket, bought.body());
        assertEquals(200, download(seller, id).statusCode());
        assertRefused(download(stranger, id), 401, "Not authorized");
        assertRefused(download(null, id), 401, "Not authorized");
        assertError(
                attach(seller, id, "application/pdf", pdf(100)),
                400,
                "Cannot attach a file to a sold ticket");
        assertArrayEquals(ticket, download(buyer, id).body(), "the buyer keeps what they paid for");
    }

    @Test
    void aSaleWithoutAFileIsA404ForTheBuyerAndAWithdrawnListingTakesNoFile() throws Exception {
        String unfiled = Catalog.listed(seller, "no file yet", "30").getString("id");
        complete(unfiled, reserve(unfiled, buyer), buyer);
        assertRefused(download(buyer, unfiled), 404, "Not Found");
        assertRefused(download(stranger, unfiled), 401, "Not authorized");

        String withdrawn = Catalog.listed(seller, "taken down", "30").getString("id");
        assertEquals(204, Catalog.withdraw(seller, withdrawn).status());
        assertError(
                attach(seller, withdrawn, "application/pdf", pdf(100)),
                400,
                "Cannot attach a file to a withdrawn ticket");

        String unknown = Catalog.newOrderId();
        assertError(attach(seller, unknown, "application/pdf", pdf(100)), 404, "Not Found");
        assertRefused(download(seller, unknown), 404, "Not Found");
    }

    @Test
    void badFilesAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
        String id = Catalog.listed(seller, "bad files", "30").getString("id");
        byte[] png = image("png");
        byte[] jpeg = image("jpeg");

        String wrongType = "A ticket file must be application/pdf, image/png or image/jpeg";
        assertError(attach(seller, id, "text/plain", "a ticket".getBytes()), 415, wrongType);
        assertError(attach(seller, id, "application/json", "{}".getBytes()), 415, wrongType);
        assertError(attach(seller, id, null, pdf(100)), 415, wrongType);
        assertError(attach(seller, id, "image/gif", "GIF89a".getBytes()), 415, wrongType);

        // Disguised: the header says one thing, the bytes another.
        assertError(
                attach(seller, id, "application/pdf", png),
                400,
                "The ticket file is not a valid PDF");
        assertError(
                attach(seller, id, "image/png", pdf(500)),
                400,
                "The ticket file is not a valid PNG image");
        assertError(
                attach(seller, id, "image/jpeg", png),
                400,
                "The ticket file is not a valid JPEG image");
        byte[] exe = new byte[600];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertError(
                attach(seller, id, "application/pdf", exe),
                400,
                "The ticket file is not a valid PDF");
        // Damaged: a real header, cut short.
        assertError(
                attach(seller, id, "image/png", Arrays.copyOf(png, 40)),
                400,
                "The ticket file is not a valid PNG image");
        assertError(
                attach(seller, id, "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)),
                400,
                "The ticket file is not a valid JPEG image");
        assertError(
                attach(seller, id, "application/pdf", new byte[0]),
                400,
                "The ticket file is empty");

        // 5 MiB is the limit: exactly that much is taken, one byte more is not, declared or
        // streamed without a length.
        assertError(
                attach(seller, id, "application/pdf", pdf(FIVE_MIB + 1)),
                413,
                "Request body too large");
        HttpApi.Reply streamed =
                Catalog.HTTP.send(
                        HttpRequest.newBuilder(ServiceUnderTest.url("/api/tickets/" + id + "/file"))
                                .header("Content-Type", "application/pdf")
                                .PUT(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new ByteArrayInputStream(pdf(FIVE_MIB + 1)))),
                        seller.auth());
        assertError(streamed, 413, "Request body too large");
        assertFalse(Catalog.ticket(id).getBoolean("hasFile"), "nothing was attached");

        byte[] largest = pdf(FIVE_MIB);
        assertEquals(204, attach(seller, id, "application/pdf", largest).status());
        assertArrayEquals(largest, download(seller, id).body());
    }
}
