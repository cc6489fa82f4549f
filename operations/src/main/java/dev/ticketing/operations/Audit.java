package dev.ticketing.operations;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.ticketing.nats.DeadLetterQueue;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * {@code ./ticketing audit}: reads every service's store (and the dead letters) and reports every
 * violation of the marketplace's invariants (docs/architecture.md, "Invariants"):
 *
 * <ul>
 *   <li>a ticket is held by at most one open order;
 *   <li>every order ends complete or cancelled, or is open with its hold still running;
 *   <li>every charge belongs to exactly one completed order or is refunded, and no payment attempt
 *       is left unfinished;
 *   <li>copies agree with their source (order-service's tickets with the catalog's: version, title,
 *       price, seller, holder; payment-service's orders with order-service's: status, version);
 *   <li>no outbox holds an event older than a minute, and no dead letter waits.
 * </ul>
 *
 * Events in flight make copies lag for a moment, so the audit looks again for up to {@code
 * --settle} seconds and reports only what stays wrong. Exit status 0 only without violations (1
 * with some, 2 for a wrong option, 3 when the stores or NATS do not answer).
 */
public final class Audit {

    /** Where to look. Each service may have its own MongoDB (OpenShift); locally they share one. */
    public record Target(
            String catalogStore,
            String ordersStore,
            String paymentsStore,
            String natsUrl,
            String stream,
            String subjectPrefix) {
        public static Target onOneStore(
                String storeUrl, String natsUrl, String stream, String subjectPrefix) {
            return new Target(storeUrl, storeUrl, storeUrl, natsUrl, stream, subjectPrefix);
        }
    }

    /** What the audit found: the violations, and how much it looked at. */
    public record Report(List<String> violations, Map<String, Integer> counted) {
        public boolean clean() {
            return violations.isEmpty();
        }

        public String summary() {
            return (clean() ? "no violations" : violations.size() + " violation(s)")
                    + " ("
                    + counted
                    + ")";
        }
    }

    private static final Duration OUTBOX_LIMIT = Duration.ofMinutes(1);

    /**
     * An open order past its hold by more than this has missed both its timer and order-service's
     * backstop.
     */
    private static final Duration EXPIRY_LIMIT = Duration.ofMinutes(3);

    private static final Duration ATTEMPT_LIMIT = Duration.ofMinutes(3);

    private final Target target;

    public Audit(Target target) {
        this.target = target;
    }

    /** Audits until nothing is wrong or {@code settle} has passed; the last report. */
    public Report run(Duration settle) throws Exception {
        Instant deadline = Instant.now().plus(settle);
        while (true) {
            Report report = once();
            if (report.clean() || Instant.now().isAfter(deadline)) {
                return report;
            }
            Thread.sleep(2000); // give events in flight a moment before looking again
        }
    }

    /** One look at everything. */
    public Report once() throws Exception {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> counted = new LinkedHashMap<>();
        try (MongoClient catalogClient = MongoClients.create(target.catalogStore());
                MongoClient ordersClient = MongoClients.create(target.ordersStore());
                MongoClient paymentsClient = MongoClients.create(target.paymentsStore())) {
            MongoDatabase catalog = catalogClient.getDatabase("catalog");
            MongoDatabase orders = ordersClient.getDatabase("orders");
            MongoDatabase payments = paymentsClient.getDatabase("payments");

            Map<String, Document> tickets = byId(catalog.getCollection("tickets").find());
            Map<String, Document> copies = byId(orders.getCollection("tickets").find());
            Map<String, Document> allOrders = byId(orders.getCollection("orders").find());
            Map<String, Document> paymentCopies = byId(payments.getCollection("orders").find());
            List<Document> attempts =
                    payments.getCollection("attempts").find().into(new ArrayList<>());
            List<Document> ledger =
                    payments.getCollection("simulated_gateway").find().into(new ArrayList<>());
            counted.put("tickets", tickets.size());
            counted.put(
                    "orders",
                    (int)
                            allOrders.values().stream()
                                    .filter(o -> o.getString("userId") != null)
                                    .count());
            counted.put(
                    "payments",
                    (int)
                            paymentCopies.values().stream()
                                    .filter(p -> p.get("payment") != null)
                                    .count());
            counted.put("gateway entries", ledger.size());
            counted.put(
                    "payouts",
                    (int)
                            paymentCopies.values().stream()
                                    .filter(p -> p.get("payout") != null)
                                    .count());
            // Ids only: a ticket file's content can be 5 MiB.
            Set<String> storedFiles = new HashSet<>();
            for (Document file :
                    catalog.getCollection("ticketFiles")
                            .find()
                            .projection(new Document("_id", 1))) {
                storedFiles.add(String.valueOf(file.get("_id")));
            }
            counted.put("ticket files", storedFiles.size());

            oneOpenOrderPerTicket(allOrders, violations);
            everyOrderEnds(allOrders, violations);
            everyChargeIsPaidForOrRefunded(allOrders, paymentCopies, attempts, ledger, violations);
            copiesAgreeWithTheCatalog(tickets, copies, violations);
            salesAreThePaidOrders(tickets, allOrders, violations);
            salesGoToTheirBuyers(tickets, allOrders, violations);
            everyAttachedFileIsStored(tickets, storedFiles, violations);
            paymentCopiesAgreeWithOrders(allOrders, paymentCopies, violations);
            payoutsFollowTheirSales(paymentCopies, ledger, violations);
            payoutCopiesAgree(
                    byId(catalog.getCollection("payouts").find()), paymentCopies, violations);
            outboxesAreEmpty("catalog-service ticket", tickets, violations);
            outboxesAreEmpty("order-service order", allOrders, violations);
            outboxesAreEmpty("payment-service order", paymentCopies, violations);
        }
        try (DeadLetterQueue dlq =
                new DeadLetterQueue(target.natsUrl(), target.stream(), target.subjectPrefix())) {
            List<DeadLetterQueue.DeadLetter> dead = dlq.list(Optional.empty());
            counted.put("dead letters", dead.size());
            dead.forEach(
                    d ->
                            violations.add(
                                    "dead letter "
                                            + d.id()
                                            + ": "
                                            + d.originalSubject()
                                            + " parked by "
                                            + d.consumer()
                                            + ": "
                                            + d.reason()));
        }
        return new Report(violations, counted);
    }

    private static void oneOpenOrderPerTicket(
            Map<String, Document> orders, List<String> violations) {
        Map<String, List<String>> openByTicket = new HashMap<>();
        for (Document o : orders.values()) {
            if ("created".equals(o.getString("status")) && o.getString("userId") != null) {
                openByTicket
                        .computeIfAbsent(ticketOf(o), t -> new ArrayList<>())
                        .add(o.getString("_id"));
            }
        }
        openByTicket.forEach(
                (ticket, open) -> {
                    if (open.size() > 1) {
                        violations.add(
                                "ticket "
                                        + ticket
                                        + " is held by "
                                        + open.size()
                                        + " open orders: "
                                        + open);
                    }
                });
    }

    private static void everyOrderEnds(Map<String, Document> orders, List<String> violations) {
        Instant overdue = Instant.now().minus(EXPIRY_LIMIT);
        for (Document o : orders.values()) {
            Date expiresAt = o.getDate("expiresAt");
            if ("created".equals(o.getString("status"))
                    && expiresAt != null
                    && expiresAt.toInstant().isBefore(overdue)) {
                violations.add(
                        "order "
                                + o.getString("_id")
                                + " is still open "
                                + ago(expiresAt)
                                + " after its hold ended");
            }
        }
    }

    private static void everyChargeIsPaidForOrRefunded(
            Map<String, Document> orders,
            Map<String, Document> paymentCopies,
            List<Document> attempts,
            List<Document> ledger,
            List<String> violations) {
        Set<String> refundedCharges = new HashSet<>();
        for (Document entry : ledger) {
            if ("refund".equals(entry.getString("kind"))) {
                refundedCharges.add(entry.getString("chargeId"));
            }
        }
        for (Document copy : paymentCopies.values()) {
            Document payment = copy.get("payment", Document.class);
            if (payment == null) {
                continue;
            }
            String orderId = copy.getString("_id");
            String status =
                    Optional.ofNullable(orders.get(orderId))
                            .map(o -> o.getString("status"))
                            .orElse("unknown");
            boolean refunded = payment.getString("refundId") != null;
            refundedCharges.addAll(refunded ? Set.of(payment.getString("stripeId")) : Set.of());
            if (!refunded && !"complete".equals(status)) {
                violations.add(
                        "order "
                                + orderId
                                + " was charged ("
                                + payment.getString("stripeId")
                                + ") but is "
                                + status
                                + " and the charge is not refunded");
            }
        }
        for (Document o : orders.values()) {
            if ("complete".equals(o.getString("status"))) {
                Document payment =
                        Optional.ofNullable(paymentCopies.get(o.getString("_id")))
                                .map(c -> c.get("payment", Document.class))
                                .orElse(null);
                if (payment == null || payment.getString("refundId") != null) {
                    violations.add(
                            "order "
                                    + o.getString("_id")
                                    + " is complete without a payment that stands");
                }
            }
        }
        Instant stale = Instant.now().minus(ATTEMPT_LIMIT);
        for (Document a : attempts) {
            String state = a.getString("state");
            if (Set.of("PENDING", "CHARGED", "REFUND_OWED").contains(state)
                    && a.getDate("updatedAt").toInstant().isBefore(stale)) {
                violations.add(
                        "payment attempt "
                                + a.getString("_id")
                                + " for order "
                                + a.getString("orderId")
                                + " has been "
                                + state
                                + " for "
                                + ago(a.getDate("updatedAt")));
            }
            if ("REFUNDED".equals(state)) {
                refundedCharges.add(a.getString("chargeId"));
            }
        }
        // The gateway's side of the books (the simulated gateway's ledger; Stripe's is Stripe's
        // dashboard).
        for (Document entry : ledger) {
            if (!"charge".equals(entry.getString("kind"))) {
                continue;
            }
            String charge = entry.getString("chargeId");
            String orderId = entry.getString("orderId");
            Document payment =
                    Optional.ofNullable(paymentCopies.get(orderId))
                            .map(c -> c.get("payment", Document.class))
                            .orElse(null);
            boolean isTheOrdersPayment =
                    payment != null && charge.equals(payment.getString("stripeId"));
            if (!isTheOrdersPayment && !refundedCharges.contains(charge)) {
                violations.add(
                        "charge "
                                + charge
                                + " for order "
                                + orderId
                                + " is neither the order's payment nor refunded");
            }
        }
    }

    private static void copiesAgreeWithTheCatalog(
            Map<String, Document> tickets, Map<String, Document> copies, List<String> violations) {
        for (Document ticket : tickets.values()) {
            String id = ticket.getString("_id");
            Document copy = copies.get(id);
            if (copy == null) {
                violations.add("ticket " + id + " has no copy in order-service");
                continue;
            }
            List<String> differ = new ArrayList<>();
            compare("version", number(ticket.get("version")), number(copy.get("version")), differ);
            compare("title", ticket.getString("title"), copy.getString("title"), differ);
            compare("price", decimal(ticket.get("price")), decimal(copy.get("price")), differ);
            compare("seller", ticket.getString("userId"), copy.getString("userId"), differ);
            compare("holder", ticket.getString("orderId"), copy.getString("reservedBy"), differ);
            compare(
                    "withdrawn",
                    ticket.get("withdrawnAt") != null && ticket.get("soldAt") == null,
                    Boolean.TRUE.equals(copy.getBoolean("withdrawn")),
                    differ);
            if (!differ.isEmpty()) {
                violations.add(
                        "order-service's copy of ticket "
                                + id
                                + " disagrees with the catalog: "
                                + differ);
            }
        }
    }

    /**
     * A listing is sold exactly when its order is paid (docs/api.md, "Events and listings"): every
     * sold listing names a complete order, and every complete order's listing is sold to it.
     */
    private static void salesAreThePaidOrders(
            Map<String, Document> tickets, Map<String, Document> orders, List<String> violations) {
        for (Document ticket : tickets.values()) {
            if (ticket.get("soldAt") == null) {
                continue;
            }
            String orderId = ticket.getString("orderId");
            Document order = orderId == null ? null : orders.get(orderId);
            if (order == null || !"complete".equals(order.getString("status"))) {
                violations.add(
                        "ticket "
                                + ticket.getString("_id")
                                + " is sold to order "
                                + orderId
                                + ", which is "
                                + (order == null ? "unknown" : order.getString("status")));
            }
        }
        for (Document order : orders.values()) {
            if (!"complete".equals(order.getString("status"))) {
                continue;
            }
            Document ticket = tickets.get(ticketOf(order));
            if (ticket == null
                    || ticket.get("soldAt") == null
                    || !order.getString("_id").equals(ticket.getString("orderId"))) {
                violations.add(
                        "order "
                                + order.getString("_id")
                                + " is paid, but the catalog has not sold ticket "
                                + ticketOf(order)
                                + " to it");
            }
        }
    }

    /**
     * The buyer a sold listing lets download its file is the one who placed the paid order
     * (docs/api.md, "Delivery and payouts"). A sale recorded before order.completed named its buyer
     * has none: only its seller can download, which is no violation.
     */
    private static void salesGoToTheirBuyers(
            Map<String, Document> tickets, Map<String, Document> orders, List<String> violations) {
        for (Document ticket : tickets.values()) {
            String buyer = ticket.getString("buyerId");
            Document order = orders.get(String.valueOf(ticket.getString("orderId")));
            if (ticket.get("soldAt") == null || buyer == null || order == null) {
                continue;
            }
            if (!buyer.equals(order.getString("userId"))) {
                violations.add(
                        "ticket "
                                + ticket.getString("_id")
                                + " is sold to buyer "
                                + buyer
                                + ", but its order "
                                + order.getString("_id")
                                + " was placed by "
                                + order.getString("userId"));
            }
        }
    }

    /** A listing that says it has a file has its content: a download never finds it missing. */
    private static void everyAttachedFileIsStored(
            Map<String, Document> tickets, Set<String> storedFiles, List<String> violations) {
        for (Document ticket : tickets.values()) {
            Document file = ticket.get("file", Document.class);
            String fileId = file == null ? null : file.getString("fileId");
            if (fileId != null && !storedFiles.contains(fileId)) {
                violations.add(
                        "ticket "
                                + ticket.getString("_id")
                                + " has a file ("
                                + fileId
                                + ") whose content is not stored");
            }
        }
    }

    /**
     * Sellers are paid for sales that stand, once, the amount they were owed (docs/api.md,
     * "Delivery and payouts"): every payment that stands owes its seller a payout of its amount; a
     * refunded sale's payout is cancelled; a paid payout's order is complete and names its
     * transfer; every transfer in the simulated gateway's ledger is a paid (or paying) payout's, of
     * its net.
     */
    private static void payoutsFollowTheirSales(
            Map<String, Document> paymentCopies, List<Document> ledger, List<String> violations) {
        for (Document copy : paymentCopies.values()) {
            String orderId = copy.getString("_id");
            Document payment = copy.get("payment", Document.class);
            Document payout = copy.get("payout", Document.class);
            if (payout == null) {
                if (payment != null
                        && payment.getString("refundId") == null
                        && copy.getString("sellerId") != null) {
                    violations.add("order " + orderId + " was paid but owes its seller no payout");
                }
                continue;
            }
            String status = payout.getString("status");
            if (payment == null) {
                violations.add("order " + orderId + " has a " + status + " payout but no payment");
                continue;
            }
            long amount = ((Number) payment.get("amountCents")).longValue();
            if (((Number) payout.get("amountCents")).longValue() != amount) {
                violations.add(
                        "payout of order "
                                + orderId
                                + " is for "
                                + payout.get("amountCents")
                                + " cents but the payment was "
                                + amount);
            }
            if (payment.getString("refundId") != null && !"cancelled".equals(status)) {
                violations.add("order " + orderId + " was refunded but its payout is " + status);
            }
            if ("paid".equals(status)
                    && (!"complete".equals(copy.getString("status"))
                            || payout.getString("transferId") == null)) {
                violations.add(
                        "payout of order "
                                + orderId
                                + " was paid but the order is "
                                + copy.getString("status")
                                + (payout.getString("transferId") == null
                                        ? " and no transfer is named"
                                        : ""));
            }
        }
        for (Document entry : ledger) {
            if (!"transfer".equals(entry.getString("kind"))) {
                continue;
            }
            String orderId = entry.getString("orderId");
            Document payout =
                    Optional.ofNullable(paymentCopies.get(orderId))
                            .map(c -> c.get("payout", Document.class))
                            .orElse(null);
            boolean paying =
                    payout != null
                            && Set.of("transferring", "paid").contains(payout.getString("status"))
                            && ((Number) payout.get("amountCents")).longValue()
                                            - ((Number) payout.get("feeCents")).longValue()
                                    == ((Number) entry.get("amountCents")).longValue()
                            && (payout.getString("transferId") == null
                                    || payout.getString("transferId")
                                            .equals(entry.getString("chargeId")));
            if (!paying) {
                violations.add(
                        "transfer "
                                + entry.getString("chargeId")
                                + " for order "
                                + orderId
                                + " is not the order's payout");
            }
        }
    }

    /**
     * The catalog's copies of payouts (the sellers' dashboards) show what payment-service's payouts
     * are: pending (or being transferred), paid or cancelled.
     */
    private static void payoutCopiesAgree(
            Map<String, Document> copies,
            Map<String, Document> paymentCopies,
            List<String> violations) {
        for (Document copy : copies.values()) {
            String orderId = copy.getString("_id");
            Document payout =
                    Optional.ofNullable(paymentCopies.get(orderId))
                            .map(c -> c.get("payout", Document.class))
                            .orElse(null);
            String source =
                    payout == null
                            ? "missing"
                            : "transferring".equals(payout.getString("status"))
                                    ? "pending"
                                    : payout.getString("status");
            if (!source.equals(copy.getString("status"))) {
                violations.add(
                        "the catalog shows the payout of order "
                                + orderId
                                + " "
                                + copy.getString("status")
                                + " but payment-service has it "
                                + source);
            }
        }
    }

    private static void paymentCopiesAgreeWithOrders(
            Map<String, Document> orders,
            Map<String, Document> paymentCopies,
            List<String> violations) {
        for (Document order : orders.values()) {
            if (order.getString("userId") == null) {
                continue; // a retired id: that order was never stored, nor published
            }
            String id = order.getString("_id");
            Document copy = paymentCopies.get(id);
            if (copy == null) {
                violations.add("order " + id + " has no copy in payment-service");
                continue;
            }
            List<String> differ = new ArrayList<>();
            compare("status", order.getString("status"), copy.getString("status"), differ);
            compare("version", number(order.get("version")), number(copy.get("version")), differ);
            if (!differ.isEmpty()) {
                violations.add(
                        "payment-service's copy of order "
                                + id
                                + " disagrees with order-service: "
                                + differ);
            }
        }
    }

    private static void outboxesAreEmpty(
            String what, Map<String, Document> documents, List<String> violations) {
        Instant limit = Instant.now().minus(OUTBOX_LIMIT);
        for (Document d : documents.values()) {
            Date since = d.getDate("outboxSince");
            if (since != null && since.toInstant().isBefore(limit)) {
                violations.add(
                        "the outbox of "
                                + what
                                + " "
                                + d.get("_id")
                                + " has held an event for "
                                + ago(since));
            }
        }
    }

    private static void compare(String field, Object source, Object copy, List<String> differ) {
        if (!Objects.equals(source, copy)) {
            differ.add(field + " " + source + " vs " + copy);
        }
    }

    private static Map<String, Document> byId(Iterable<Document> documents) {
        Map<String, Document> found = new LinkedHashMap<>();
        documents.forEach(d -> found.put(String.valueOf(d.get("_id")), d));
        return found;
    }

    private static String ticketOf(Document order) {
        Document ticket = order.get("ticket", Document.class);
        return ticket == null ? "?" : ticket.getString("id");
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** A price as plain digits without trailing zeros, so 20.00 and 20 compare equal. */
    private static String decimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d =
                value instanceof Decimal128 dec
                        ? dec.bigDecimalValue()
                        : new BigDecimal(value.toString());
        return d.stripTrailingZeros().toPlainString();
    }

    private static String ago(Date since) {
        return Duration.between(since.toInstant(), Instant.now()).toSeconds() + " s";
    }

    // ---- the command line
    // ------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws Exception {
        String store = env("MONGODB_URL", "mongodb://127.0.0.1:27017");
        String catalog = null;
        String orders = null;
        String payments = null;
        String nats = env("NATS_URL", "nats://127.0.0.1:4222");
        String stream = env("TICKETING_STREAM", "TICKETING");
        String prefix = env("TICKETING_SUBJECT_PREFIX", "ticketing");
        Duration settle = Duration.ofSeconds(120);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = args[++i];
                case "--catalog-store" -> catalog = args[++i];
                case "--orders-store" -> orders = args[++i];
                case "--payments-store" -> payments = args[++i];
                case "--nats" -> nats = args[++i];
                case "--stream" -> stream = args[++i];
                case "--prefix" -> prefix = args[++i];
                case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(args[++i]));
                default -> {
                    out.println(
                            "usage: audit [--store URL | --catalog-store URL --orders-store URL --payments-store URL]"
                                    + " [--nats URL] [--stream S] [--prefix P] [--settle SECONDS]");
                    return 2;
                }
            }
        }
        Target target =
                new Target(
                        catalog == null ? store : catalog,
                        orders == null ? store : orders,
                        payments == null ? store : payments,
                        nats,
                        stream,
                        prefix);
        out.println(
                "Auditing (settling for up to "
                        + settle.toSeconds()
                        + " s): stores "
                        + target.catalogStore()
                        + (catalog == null && orders == null && payments == null
                                ? ""
                                : ", " + target.ordersStore() + ", " + target.paymentsStore())
                        + "; NATS "
                        + nats
                        + ", stream "
                        + stream);
        Report report;
        try {
            answers(target.catalogStore());
            answers(target.ordersStore());
            answers(target.paymentsStore());
            report = new Audit(target).run(settle);
        } catch (MongoTimeoutException | IOException unreachable) {
            // Not a violation, and not worth a stack trace: most often the platform is not running.
            out.println(
                    "Audit: could not reach the stores or NATS ("
                            + unreachable.getClass().getSimpleName()
                            + "). Is the platform running (./ticketing up --detach)? Another"
                            + " deployment's stores and NATS are named with --store and --nats.");
            return 3;
        }
        report.violations().forEach(v -> out.println("VIOLATION " + v));
        out.println("Audit: " + report.summary());
        return report.clean() ? 0 : 1;
    }

    /**
     * Throws MongoTimeoutException unless the store at {@code url} answers a ping within 10 s (or
     * the url's own serverSelectionTimeoutMS): without a platform the audit says so then, not after
     * the driver's default 30 s. Later looks keep that default, for a store just restarted.
     */
    private static void answers(String url) {
        MongoClientSettings settings =
                MongoClientSettings.builder()
                        .applyToClusterSettings(
                                cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                        .applyConnectionString(new ConnectionString(url))
                        .build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
