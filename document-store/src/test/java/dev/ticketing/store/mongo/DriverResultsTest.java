package dev.ticketing.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.eclipse.jnosql.communication.semistructured.Element;
import org.junit.jupiter.api.Test;

/**
 * A document the driver returned reaches JNoSQL's converter in the very form JNoSQL's MongoDB
 * manager gives the documents it reads itself, so an entity maps the same whichever API read it.
 */
class DriverResultsTest {

    /** JNoSQL's own reading of a document (package-private in its MongoDB module). */
    @SuppressWarnings("unchecked")
    private static List<Element> asJnosqlReadsIt(Document document) throws Exception {
        Class<?> utils =
                Class.forName("org.eclipse.jnosql.databases.mongodb.communication.MongoDBUtils");
        Method of = utils.getDeclaredMethod("of", Map.class);
        of.setAccessible(true);
        return (List<Element>) of.invoke(null, document);
    }

    @Test
    void anOrderCopyWithItsPaymentAndOutboxReadsAsJnosqlReadsIt() throws Exception {
        Document stored =
                new Document("_id", "o1")
                        .append("version", 3L)
                        .append("status", "complete")
                        .append("priceCents", 2550L)
                        .append("expiresAt", null)
                        .append("payout", null)
                        .append(
                                "payment",
                                new Document("id", "p1")
                                        .append("amountCents", 2550L)
                                        .append("createdAt", new Date(1_000))
                                        .append("refundId", null))
                        .append(
                                "outbox",
                                List.of(
                                        new Document("id", "e1").append("subject", "s"),
                                        new Document("id", "e2").append("subject", "t")));

        assertEquals(asJnosqlReadsIt(stored), DriverResults.elements(stored));
    }

    @Test
    void aTicketCopyWithItsEventSeatPriceAndBytesReadsAsJnosqlReadsIt() throws Exception {
        Document stored =
                new Document("_id", "t1")
                        .append("price", new Decimal128(new BigDecimal("25.50")))
                        .append(
                                "event",
                                new Document("name", "Final")
                                        .append("startsAt", new Date(2_000))
                                        .append("city", null))
                        .append("seat", new Document("row", "7"))
                        .append("withdrawn", false)
                        .append("reservedBy", null)
                        .append("content", new Binary(new byte[] {1, 2, 3}))
                        .append("words", List.of("final", "stadium"))
                        .append("none", List.of());

        List<Element> ours = DriverResults.elements(stored);
        List<Element> theirs = asJnosqlReadsIt(stored);
        assertEquals(theirs.size(), ours.size(), ours.toString());
        for (int i = 0; i < theirs.size(); i++) {
            Element a = theirs.get(i);
            Element b = ours.get(i);
            assertEquals(a.name(), b.name());
            Object expected = a.get();
            Object actual = b.get();
            if (expected instanceof byte[] bytes) {
                assertEquals(List.of(1, 2, 3), toList(bytes));
                assertEquals(toList(bytes), toList((byte[]) actual));
            } else {
                assertEquals(expected, actual, a.name());
            }
        }
    }

    private static List<Integer> toList(byte[] bytes) {
        List<Integer> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add((int) b);
        }
        return list;
    }
}
