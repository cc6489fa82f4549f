package dev.ticketing.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.ticketing.nats.testing.NatsTestServer;
import dev.ticketing.store.embedded.EmbeddedDocumentStore;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit against stores written as the services write them: a clean marketplace, then each kind
 * of harm.
 */
class AuditTest {
    private EmbeddedDocumentStore store;
    private MongoClient mongo;
    private final String stream = NatsTestServer.uniqueName("AUDIT_");
    private final String prefix = NatsTestServer.uniqueName("audit");
    private Audit audit;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedDocumentStore.inMemory("127.0.0.1", 0);
        mongo = MongoClients.create(store.url());
        String nats = NatsTestServer.shared();
        try (var c = NatsTestServer.connect(nats)) {
            c.jetStreamManagement()
                    .addStream(
                            io.nats.client.api.StreamConfiguration.builder()
                                    .name(stream)
                                    .subjects(prefix + ".>")
                                    .storageType(io.nats.client.api.StorageType.Memory)
                                    .build());
        }
        audit = new Audit(Audit.Target.onOneStore(store.url(), nats, stream, prefix));
        // A sold ticket, paid once; a free ticket whose order was cancelled; a ticket on sale.
        sold("t-sold", "o-paid", "pi_1");
        cancelled("t-free", "o-cancelled");
        listed("t-new");
    }

    @AfterEach
    void stop() {
        mongo.close();
        store.close();
        NatsTestServer.deleteStream(NatsTestServer.shared(), stream);
    }

    private MongoDatabase db(String name) {
        return mongo.getDatabase(name);
    }

    private void listed(String ticket) {
        Document t =
                new Document("_id", ticket)
                        .append("title", "Seat " + ticket)
                        .append("price", new Decimal128(new BigDecimal("20.00")))
                        .append("userId", "seller")
                        .append("version", 0L)
                        .append("orderId", null);
        db("catalog").getCollection("tickets").insertOne(t);
        db("orders").getCollection("tickets").insertOne(new Document(t).append("reservedBy", null));
    }

    private void sold(String ticket, String order, String charge) {
        listed(ticket);
        db("catalog")
                .getCollection("tickets")
                .updateOne(
                        Filters.eq("_id", ticket),
                        Updates.combine(
                                Updates.set("orderId", order),
                                Updates.set("version", 1L),
                                Updates.set("soldAt", new Date()),
                                Updates.set("buyerId", "buyer"),
                                Updates.set(
                                        "file",
                                        new Document("fileId", "f-" + ticket)
                                                .append("type", "application/pdf")
                                                .append("size", 9L))));
        db("catalog")
                .getCollection("ticketFiles")
                .insertOne(
                        new Document("_id", "f-" + ticket)
                                .append("ticketId", ticket)
                                .append("content", new Binary("%PDF-%%EOF".getBytes())));
        db("orders")
                .getCollection("tickets")
                .updateOne(
                        Filters.eq("_id", ticket),
                        Updates.combine(
                                Updates.set("orderId", order),
                                Updates.set("version", 1L),
                                Updates.set("reservedBy", order)));
        order(order, ticket, "complete", 1);
        db("payments")
                .getCollection("orders")
                .insertOne(
                        new Document("_id", order)
                                .append("version", 1L)
                                .append("status", "complete")
                                .append("userId", "buyer")
                                .append("priceCents", 2000L)
                                .append("sellerId", "seller")
                                .append(
                                        "payment",
                                        new Document("id", "p-" + order)
                                                .append("stripeId", charge)
                                                .append("amountCents", 2000L))
                                .append(
                                        "payout",
                                        new Document("orderId", order)
                                                .append("sellerId", "seller")
                                                .append("amountCents", 2000L)
                                                .append("feeCents", 200L)
                                                .append("status", "paid")
                                                .append("transferId", "tr-" + order)));
        db("payments")
                .getCollection("simulated_gateway")
                .insertOne(
                        new Document("_id", "key-" + order)
                                .append("kind", "charge")
                                .append("orderId", order)
                                .append("chargeId", charge)
                                .append("amountCents", 2000L));
        db("catalog")
                .getCollection("payouts")
                .insertOne(new Document("_id", order).append("status", "paid"));
        db("payments")
                .getCollection("simulated_gateway")
                .insertOne(
                        new Document("_id", "payout-" + order)
                                .append("kind", "transfer")
                                .append("orderId", order)
                                .append("chargeId", "tr-" + order)
                                .append("amountCents", 1800L));
    }

    private void cancelled(String ticket, String order) {
        listed(ticket);
        order(order, ticket, "cancelled", 1);
        db("payments")
                .getCollection("orders")
                .insertOne(
                        new Document("_id", order)
                                .append("version", 1L)
                                .append("status", "cancelled")
                                .append("userId", "buyer")
                                .append("priceCents", 2000L));
    }

    private void order(String order, String ticket, String status, long version) {
        db("orders")
                .getCollection("orders")
                .insertOne(
                        new Document("_id", order)
                                .append("userId", "buyer")
                                .append("status", status)
                                .append("version", version)
                                .append("expiresAt", Date.from(Instant.now().minusSeconds(3600)))
                                .append("ticket", new Document("id", ticket)));
    }

    @Test
    void storesThatDoNotAnswerAreSaidPlainlyWithExitStatusThree() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status =
                Audit.run(
                        new String[] {
                            "--store",
                            "mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300",
                            "--stream",
                            stream,
                            "--prefix",
                            prefix,
                            "--settle",
                            "0"
                        },
                        new java.io.PrintStream(
                                printed, true, java.nio.charset.StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(3, status, output);
        assertTrue(output.contains("Is the platform running (./ticketing up --detach)?"), output);
    }

    @Test
    void aHealthyMarketplaceHasNoViolations() throws Exception {
        Audit.Report report = audit.once();
        assertEquals(List.of(), report.violations());
        assertEquals(3, report.counted().get("tickets"));
    }

    @Test
    void aChargeForACancelledOrderThatWasNotRefundedIsReported() throws Exception {
        db("payments")
                .getCollection("simulated_gateway")
                .insertOne(
                        new Document("_id", "key-x")
                                .append("kind", "charge")
                                .append("orderId", "o-cancelled")
                                .append("chargeId", "pi_orphan")
                                .append("amountCents", 2000L));
        assertEquals(
                List.of(
                        "charge pi_orphan for order o-cancelled is neither the order's payment nor refunded"),
                audit.once().violations());
        db("payments")
                .getCollection("simulated_gateway")
                .insertOne(
                        new Document("_id", "refund-x")
                                .append("kind", "refund")
                                .append("chargeId", "pi_orphan"));
        assertEquals(List.of(), audit.once().violations(), "refunded: no longer a violation");
    }

    @Test
    void payoutsOfRefundedOrMissingSalesAndTransfersOfNoPayoutAreReported() throws Exception {
        assertEquals(1, audit.once().counted().get("payouts"));
        MongoCollection<Document> copies = db("payments").getCollection("orders");
        copies.updateOne(Filters.eq("_id", "o-paid"), Updates.set("payment.refundId", "re_1"));
        copies.insertOne(
                new Document("_id", "o-unpaid-out")
                        .append("status", "complete")
                        .append("sellerId", "seller")
                        .append(
                                "payment",
                                new Document("stripeId", "pi_9").append("amountCents", 900L)));
        db("payments")
                .getCollection("simulated_gateway")
                .insertOne(
                        new Document("_id", "payout-o-cancelled")
                                .append("kind", "transfer")
                                .append("orderId", "o-cancelled")
                                .append("chargeId", "tr-stray")
                                .append("amountCents", 1800L));
        List<String> found = audit.once().violations();
        for (String expected :
                List.of(
                        "order o-paid was refunded but its payout is paid",
                        "order o-unpaid-out was paid but owes its seller no payout",
                        "transfer tr-stray for order o-cancelled is not the order's payout")) {
            assertTrue(found.contains(expected), expected + " in " + found);
        }
        copies.updateOne(
                Filters.eq("_id", "o-paid"),
                Updates.combine(
                        Updates.unset("payment.refundId"),
                        Updates.set("payout.amountCents", 2500L),
                        Updates.set("status", "cancelled")));
        db("catalog")
                .getCollection("payouts")
                .updateOne(Filters.eq("_id", "o-paid"), Updates.set("status", "pending"));
        found = audit.once().violations();
        assertTrue(
                found.contains("payout of order o-paid is for 2500 cents but the payment was 2000"),
                found.toString());
        assertTrue(
                found.contains(
                        "the catalog shows the payout of order o-paid pending but payment-service"
                                + " has it paid"),
                found.toString());
        assertTrue(
                found.contains("payout of order o-paid was paid but the order is cancelled"),
                found.toString());
    }

    @Test
    void twoOpenOrdersOnOneTicketAndAnOrderPastItsHoldAreReported() throws Exception {
        order("o-a", "t-new", "created", 0);
        order("o-b", "t-new", "created", 0);
        List<String> found = audit.once().violations();
        assertTrue(
                found.stream().anyMatch(v -> v.startsWith("ticket t-new is held by 2 open orders")),
                found.toString());
        assertTrue(
                found.stream().anyMatch(v -> v.startsWith("order o-a is still open")),
                found.toString());
    }

    @Test
    void aSaleWithoutAPaidOrderAndAPaidOrderWithoutASaleAreReported() throws Exception {
        db("catalog")
                .getCollection("tickets")
                .updateOne(Filters.eq("_id", "t-sold"), Updates.unset("soldAt"));
        db("catalog")
                .getCollection("tickets")
                .updateOne(
                        Filters.eq("_id", "t-free"),
                        Updates.combine(
                                Updates.set("soldAt", new Date()),
                                Updates.set("orderId", "o-cancelled")));
        db("orders")
                .getCollection("tickets")
                .updateOne(Filters.eq("_id", "t-free"), Updates.set("reservedBy", "o-cancelled"));
        assertEquals(
                List.of(
                        "ticket t-free is sold to order o-cancelled, which is cancelled",
                        "order o-paid is paid, but the catalog has not sold ticket t-sold to it"),
                audit.once().violations());
    }

    @Test
    void aSaleToSomeoneElseThanItsBuyerAndAFileWithoutItsContentAreReported() throws Exception {
        assertEquals(1, audit.once().counted().get("ticket files"));
        db("catalog")
                .getCollection("tickets")
                .updateOne(Filters.eq("_id", "t-sold"), Updates.set("buyerId", "intruder"));
        db("catalog").getCollection("ticketFiles").deleteOne(Filters.eq("_id", "f-t-sold"));
        assertEquals(
                List.of(
                        "ticket t-sold is sold to buyer intruder, but its order o-paid was placed"
                                + " by buyer",
                        "ticket t-sold has a file (f-t-sold) whose content is not stored"),
                audit.once().violations());
    }

    @Test
    void aWithdrawalTheCopyDoesNotKnowIsReported() throws Exception {
        db("catalog")
                .getCollection("tickets")
                .updateOne(Filters.eq("_id", "t-new"), Updates.set("withdrawnAt", new Date()));
        assertEquals(
                List.of(
                        "order-service's copy of ticket t-new disagrees with the catalog:"
                                + " [withdrawn true vs false]"),
                audit.once().violations());
        db("orders")
                .getCollection("tickets")
                .updateOne(Filters.eq("_id", "t-new"), Updates.set("withdrawn", true));
        assertEquals(List.of(), audit.once().violations());
    }

    @Test
    void copiesThatDisagreeWithTheirSourceAreReported() throws Exception {
        db("orders")
                .getCollection("tickets")
                .updateOne(
                        Filters.eq("_id", "t-new"),
                        Updates.set("price", new Decimal128(new BigDecimal("25.00"))));
        db("payments")
                .getCollection("orders")
                .updateOne(Filters.eq("_id", "o-cancelled"), Updates.set("status", "created"));
        List<String> found = audit.once().violations();
        assertEquals(
                List.of(
                        "order-service's copy of ticket t-new disagrees with the catalog: [price 20 vs 25]",
                        "payment-service's copy of order o-cancelled disagrees with order-service: [status cancelled vs created]"),
                found);
    }

    @Test
    void aCompleteOrderWithoutPaymentAnOldOutboxAndADeadLetterAreReported() throws Exception {
        db("payments")
                .getCollection("orders")
                .updateOne(Filters.eq("_id", "o-paid"), Updates.set("payment.refundId", "re_1"));
        db("catalog")
                .getCollection("tickets")
                .updateOne(
                        Filters.eq("_id", "t-new"),
                        Updates.set(
                                "outboxSince",
                                Date.from(Instant.now().minus(Duration.ofMinutes(5)))));
        try (var c = NatsTestServer.connect(NatsTestServer.shared())) {
            c.jetStream()
                    .publish(
                            prefix + ".dlq." + prefix + ".order.created",
                            new io.nats.client.impl.Headers()
                                    .put("Ticketing-Dlq-Reason", "poison")
                                    .put("Ticketing-Dlq-Consumer", "catalog-service-order-created"),
                            "{}".getBytes());
        }
        List<String> found = audit.once().violations();
        assertTrue(
                found.contains("order o-paid is complete without a payment that stands"),
                found.toString());
        assertTrue(
                found.stream()
                        .anyMatch(
                                v ->
                                        v.startsWith(
                                                "the outbox of catalog-service ticket t-new has held")),
                found.toString());
        assertTrue(
                found.stream().anyMatch(v -> v.startsWith("dead letter") && v.contains("poison")),
                found.toString());
    }
}
