package dev.ticketing.payment.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local fake of the part of Stripe's HTTP API payment-service uses: {@code POST
 * /v1/payment_intents} (create + confirm), {@code GET /v1/payment_intents/search} (by one metadata
 * entry), {@code POST /v1/refunds}, {@code POST /v1/transfers} (Stripe Connect: to an {@code
 * acct_...} destination) and {@code GET /v1/transfers} (by {@code transfer_group}). It answers like
 * test mode (Stripe's test tokens; {@code tok_chargeDeclined} and friends are declined with
 * Stripe's messages), replays the stored answer for a repeated Idempotency-Key as Stripe does
 * (until told to forget the keys, as Stripe does after 24 hours), and records every request so
 * tests can assert what the real stripe-java client sent. A test can hold the charges of one order
 * to stage a race, and make its charges, refunds or transfers fail before or after the money moved,
 * or hang.
 */
public final class FakeStripe implements AutoCloseable {

    /** One request as received: header names in lower case, form fields URL-decoded. */
    public record Request(
            String method, String path, Map<String, String> headers, Map<String, String> form) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A charge kept waiting until the test releases it. */
    public static final class Hold {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        public boolean awaitArrived(long seconds) throws InterruptedException {
            return arrived.await(seconds, TimeUnit.SECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    private record Answer(int status, String body) {}

    private static final Map<String, String[]> DECLINES =
            Map.of(
                    "tok_chargeDeclined",
                            new String[] {"generic_decline", "Your card was declined."},
                    "pm_card_chargeDeclined",
                            new String[] {"generic_decline", "Your card was declined."},
                    "tok_chargeDeclinedInsufficientFunds",
                            new String[] {
                                "insufficient_funds", "Your card has insufficient funds."
                            },
                    "pm_card_chargeDeclinedInsufficientFunds",
                            new String[] {
                                "insufficient_funds", "Your card has insufficient funds."
                            });

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answersByKey = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final Map<String, Fault> chargeFaults = new ConcurrentHashMap<>();
    private final Map<String, Fault> refundFaults = new ConcurrentHashMap<>();
    private final Map<String, Fault> transferFaults = new ConcurrentHashMap<>();
    private final List<String> transfersMade = new CopyOnWriteArrayList<>();
    private final List<String> intentsMade = new CopyOnWriteArrayList<>();
    private final List<String> refundsMade = new CopyOnWriteArrayList<>();

    /** How a faulty request fails; {@code times} requests are affected, then the fake behaves. */
    public enum Failure {
        /** 500 before anything happens: nothing is charged. */
        FAIL_BEFORE,
        /**
         * The charge (or refund) is made and stored under the key, and the answer is a 500: lost on
         * its way.
         */
        FAIL_AFTER,
        /**
         * The answer is held back for {@code seconds} (longer than the client waits), then the
         * charge is made.
         */
        HANG
    }

    private static final class Fault {
        final Failure failure;
        final AtomicInteger left;
        final int seconds;

        Fault(Failure failure, int times, int seconds) {
            this.failure = failure;
            this.left = new AtomicInteger(times);
            this.seconds = seconds;
        }

        boolean applies() {
            return left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    /** The next {@code times} PaymentIntent creations for {@code orderId} fail so. */
    public void failCharges(String orderId, Failure failure, int times) {
        chargeFaults.put(orderId, new Fault(failure, times, 0));
    }

    /**
     * The next {@code times} PaymentIntent creations for {@code orderId} hang {@code seconds}
     * first.
     */
    public void hangCharges(String orderId, int seconds, int times) {
        chargeFaults.put(orderId, new Fault(Failure.HANG, times, seconds));
    }

    /** The next {@code times} refunds of any PaymentIntent of {@code orderId} fail so. */
    public void failRefunds(String orderId, Failure failure, int times) {
        refundFaults.put(orderId, new Fault(failure, times, 0));
    }

    /** The next {@code times} transfer creations for the sale of {@code orderId} fail so. */
    public void failTransfers(String orderId, Failure failure, int times) {
        transferFaults.put(orderId, new Fault(failure, times, 0));
    }

    /**
     * The next {@code times} transfer creations for the sale of {@code orderId} hang {@code
     * seconds} first (then the transfer is made).
     */
    public void hangTransfers(String orderId, int seconds, int times) {
        transferFaults.put(orderId, new Fault(Failure.HANG, times, seconds));
    }

    /**
     * What Stripe does to a key 24 hours after its first request: forgets it, so the same key again
     * is a new request.
     */
    public void forgetIdempotencyKeys() {
        synchronized (answersByKey) {
            answersByKey.clear();
        }
    }

    private final Map<String, Long> amounts = new ConcurrentHashMap<>();
    private final Map<String, String> ordersOfIntents = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private FakeStripe(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** A fake on {@code port} (0: any free port). */
    public static FakeStripe start(int port) {
        return new FakeStripe(port);
    }

    private static FakeStripe shared;

    /**
     * The fake the integration-test server was configured with ({@code it.stripe.port}), started
     * once.
     */
    public static synchronized FakeStripe shared() {
        if (shared == null) {
            shared = start(Integer.parseInt(System.getProperty("it.stripe.port")));
        }
        return shared;
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The PaymentIntent creations for one order (by metadata[orderId]), retries included. */
    public List<Request> chargesFor(String orderId) {
        return requests.stream()
                .filter(r -> r.path().equals("/v1/payment_intents"))
                .filter(r -> orderId.equals(r.form().get("metadata[orderId]")))
                .toList();
    }

    /** The refund requests of one PaymentIntent. */
    public List<Request> refundsOf(String paymentIntentId) {
        return requests.stream()
                .filter(r -> r.path().equals("/v1/refunds"))
                .filter(r -> paymentIntentId.equals(r.form().get("payment_intent")))
                .toList();
    }

    /** How many distinct PaymentIntents were created for the order: how many times money moved. */
    public long paymentIntentsCreatedFor(String orderId) {
        return paymentIntentsFor(orderId).size();
    }

    /** The ids of the PaymentIntents created for the order. */
    public List<String> paymentIntentsFor(String orderId) {
        return intentsMade.stream()
                .filter(body -> body.contains("\"orderId\":\"" + orderId + "\""))
                .map(body -> body.substring(7, body.indexOf('"', 7)))
                .distinct()
                .toList();
    }

    /** Makes charges of {@code orderId} wait until the returned hold is released. */
    public Hold hold(String orderId) {
        Hold hold = new Hold();
        holds.put(orderId, hold);
        return hold;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach(
                            (k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String query = exchange.getRequestURI().getRawQuery();
            Request request =
                    new Request(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            headers,
                            form(
                                    "GET".equals(exchange.getRequestMethod()) && query != null
                                            ? query
                                            : body));
            requests.add(request);
            Answer answer = answer(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_fake_" + ids.incrementAndGet());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Answer answer(Request request) {
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer sk_")) {
            return error(401, "invalid_request_error", null, null, "Invalid API Key provided");
        }
        if ("GET".equals(request.method()) && request.path().equals("/v1/transfers")) {
            return listTransfers(request.form());
        }
        if ("GET".equals(request.method()) && request.path().equals("/v1/refunds")) {
            List<String> refunds =
                    refundsOfIntent(request.form().getOrDefault("payment_intent", ""));
            return new Answer(
                    200,
                    "{\"object\":\"list\",\"url\":\"/v1/refunds\",\"has_more\":false,\"data\":["
                            + String.join(",", refunds)
                            + "]}");
        }
        if ("GET".equals(request.method()) && request.path().equals("/v1/payment_intents/search")) {
            return searchPaymentIntents(request.form().getOrDefault("query", ""));
        }
        if (!"POST".equals(request.method())) {
            return error(404, "invalid_request_error", null, null, "Unrecognized request URL");
        }
        String key = request.header("Idempotency-Key");
        Fault fault = faultFor(request);
        if (fault != null && fault.failure == Failure.FAIL_BEFORE) {
            return error(
                    500,
                    "api_error",
                    null,
                    null,
                    "An unknown error occurred (the fake's fault before the charge)");
        }
        if (fault != null && fault.failure == Failure.HANG) {
            pause(fault.seconds);
        }
        if (key == null) {
            return made(request, compute(request));
        }
        // Stripe stores the first answer of a key and replays it, whatever the outcome.
        synchronized (answersByKey) {
            Answer stored = answersByKey.get(key);
            if (stored != null) {
                return fault != null && fault.failure == Failure.FAIL_AFTER
                        ? error(
                                500,
                                "api_error",
                                null,
                                null,
                                "An unknown error occurred (the fake's fault after the charge)")
                        : stored;
            }
        }
        Answer answer = compute(request);
        Answer stored;
        synchronized (answersByKey) {
            stored = answersByKey.computeIfAbsent(key, k -> answer);
        }
        if (stored == answer) {
            made(request, answer); // the first request of the key: the one that moved money
        }
        if (fault != null && fault.failure == Failure.FAIL_AFTER) {
            return error(
                    500,
                    "api_error",
                    null,
                    null,
                    "An unknown error occurred (the fake's fault after the charge)");
        }
        return stored;
    }

    /** Keeps a transfer Stripe made, for the list route and the tests; returns the answer. */
    private Answer made(Request request, Answer answer) {
        if (request.path().equals("/v1/transfers") && answer.status() == 200) {
            transfersMade.add(answer.body());
        }
        if (request.path().equals("/v1/payment_intents") && answer.status() == 200) {
            intentsMade.add(answer.body());
        }
        if (request.path().equals("/v1/refunds") && answer.status() == 200) {
            refundsMade.add(answer.body());
        }
        return answer;
    }

    /** The fault the request meets, if any (counting it down). */
    private Fault faultFor(Request request) {
        Fault fault = null;
        if (request.path().equals("/v1/payment_intents")) {
            fault = chargeFaults.get(request.form().getOrDefault("metadata[orderId]", ""));
        } else if (request.path().equals("/v1/refunds")) {
            String intent = request.form().getOrDefault("payment_intent", "");
            String orderId = ordersOfIntents.getOrDefault(intent, "");
            fault = refundFaults.get(orderId);
        } else if (request.path().equals("/v1/transfers")) {
            fault = transferFaults.get(request.form().getOrDefault("transfer_group", ""));
        }
        return fault != null && fault.applies() ? fault : null;
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L); // the fake's own delay: the hang it simulates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The refunds Stripe made (not just the requests): by PaymentIntent. */
    public long refundsMadeOf(String paymentIntentId) {
        return refundsOfIntent(paymentIntentId).size();
    }

    private List<String> refundsOfIntent(String paymentIntentId) {
        return refundsMade.stream()
                .filter(body -> body.contains("\"payment_intent\":\"" + paymentIntentId + "\""))
                .toList();
    }

    private Answer compute(Request request) {
        return switch (request.path()) {
            case "/v1/payment_intents" -> createPaymentIntent(request.form());
            case "/v1/refunds" -> createRefund(request.form());
            case "/v1/transfers" -> createTransfer(request.form());
            default -> error(404, "invalid_request_error", null, null, "Unrecognized request URL");
        };
    }

    private Answer createPaymentIntent(Map<String, String> form) {
        String orderId = form.getOrDefault("metadata[orderId]", "");
        Hold hold = holds.remove(orderId);
        if (hold != null) {
            hold.arrived.countDown();
            try {
                hold.released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String method =
                form.getOrDefault("payment_method", form.get("payment_method_data[card][token]"));
        if (method == null) {
            return error(
                    400, "invalid_request_error", null, null, "You must provide a payment method");
        }
        String[] decline = DECLINES.get(method);
        if (decline != null) {
            return error(402, "card_error", "card_declined", decline[0], decline[1]);
        }
        if (!method.startsWith("tok_") && !method.startsWith("pm_")) {
            return error(
                    400,
                    "invalid_request_error",
                    "resource_missing",
                    null,
                    "No such PaymentMethod: '" + method + "'");
        }
        long amount = Long.parseLong(form.getOrDefault("amount", "0"));
        String id = "pi_fake_" + ids.incrementAndGet();
        amounts.put(id, amount);
        ordersOfIntents.put(id, orderId);
        return new Answer(
                200,
                "{\"id\":\""
                        + id
                        + "\",\"object\":\"payment_intent\",\"amount\":"
                        + amount
                        + ",\"amount_received\":"
                        + amount
                        + ",\"currency\":\""
                        + form.get("currency")
                        + "\",\"status\":\"succeeded\",\"livemode\":false,\"metadata\":{"
                        + metadata(form)
                        + "}}");
    }

    private Answer createRefund(Map<String, String> form) {
        String intent = form.get("payment_intent");
        Long amount = intent == null ? null : amounts.get(intent);
        if (amount == null) {
            return error(
                    400,
                    "invalid_request_error",
                    "resource_missing",
                    null,
                    "No such payment_intent: '" + intent + "'");
        }
        if (!refundsOfIntent(intent).isEmpty()) {
            // A new key (or one Stripe forgot) for a refunded payment: Stripe refuses it.
            return error(
                    400,
                    "invalid_request_error",
                    "charge_already_refunded",
                    null,
                    "Charge for " + intent + " has already been refunded.");
        }
        return new Answer(
                200,
                "{\"id\":\"re_fake_"
                        + ids.incrementAndGet()
                        + "\",\"object\":\"refund\",\"amount\":"
                        + amount
                        + ",\"currency\":\"usd\",\"payment_intent\":\""
                        + intent
                        + "\",\"status\":\"succeeded\"}");
    }

    /** A Connect transfer to a connected account ({@code acct_...}), as Stripe makes it. */
    private Answer createTransfer(Map<String, String> form) {
        String destination = form.getOrDefault("destination", "");
        if (!destination.startsWith("acct_")) {
            return error(
                    400,
                    "invalid_request_error",
                    "resource_missing",
                    null,
                    "No such destination: '" + destination + "'");
        }
        long amount = Long.parseLong(form.getOrDefault("amount", "0"));
        String transfer =
                "{\"id\":\"tr_fake_"
                        + ids.incrementAndGet()
                        + "\",\"object\":\"transfer\",\"amount\":"
                        + amount
                        + ",\"currency\":\""
                        + form.get("currency")
                        + "\",\"destination\":\""
                        + destination
                        + "\",\"transfer_group\":\""
                        + form.getOrDefault("transfer_group", "")
                        + "\",\"livemode\":false,\"metadata\":{"
                        + metadata(form)
                        + "}}";
        return new Answer(200, transfer);
    }

    /** The request's {@code metadata[name]} fields as the entries of a JSON object. */
    private static String metadata(Map<String, String> form) {
        StringBuilder metadata = new StringBuilder();
        form.forEach(
                (name, value) -> {
                    if (name.startsWith("metadata[") && name.endsWith("]")) {
                        metadata.append(metadata.isEmpty() ? "" : ",")
                                .append('"')
                                .append(name, "metadata[".length(), name.length() - 1)
                                .append("\":\"")
                                .append(value)
                                .append('"');
                    }
                });
        return metadata.toString();
    }

    /**
     * Stripe's search for the one query form payment-service sends: {@code
     * metadata['name']:'value'}.
     */
    private Answer searchPaymentIntents(String query) {
        java.util.regex.Matcher clause =
                java.util.regex.Pattern.compile("metadata\\['([^']+)'\\]:'([^']*)'").matcher(query);
        if (!clause.matches()) {
            return error(400, "invalid_request_error", null, null, "Invalid search query");
        }
        String entry = "\"" + clause.group(1) + "\":\"" + clause.group(2) + "\"";
        List<String> found = intentsMade.stream().filter(body -> body.contains(entry)).toList();
        return new Answer(
                200,
                "{\"object\":\"search_result\",\"url\":\"/v1/payment_intents/search\","
                        + "\"has_more\":false,\"next_page\":null,\"data\":["
                        + String.join(",", found)
                        + "]}");
    }

    /** The transfers made, newest first, of one {@code transfer_group} if the query names one. */
    private Answer listTransfers(Map<String, String> query) {
        String group = query.get("transfer_group");
        List<String> listed = new ArrayList<>();
        for (String transfer : transfersMade) {
            if (group == null || transfer.contains("\"transfer_group\":\"" + group + "\"")) {
                listed.add(0, transfer);
            }
        }
        return new Answer(
                200,
                "{\"object\":\"list\",\"url\":\"/v1/transfers\",\"has_more\":false,\"data\":["
                        + String.join(",", listed)
                        + "]}");
    }

    /**
     * The transfers Stripe made for one order (not just the requests): how often a seller was paid.
     */
    public List<String> transfersMadeFor(String orderId) {
        return transfersMade.stream()
                .filter(t -> t.contains("\"transfer_group\":\"" + orderId + "\""))
                .toList();
    }

    /** The lookups of one order's transfers ({@code GET /v1/transfers?transfer_group=}). */
    public List<Request> transferLookupsFor(String orderId) {
        return requests.stream()
                .filter(r -> r.method().equals("GET"))
                .filter(r -> r.path().equals("/v1/transfers"))
                .filter(r -> orderId.equals(r.form().get("transfer_group")))
                .toList();
    }

    /** The requests to make a transfer for one order, retries and repeats included. */
    public List<Request> transferRequestsFor(String orderId) {
        return requests.stream()
                .filter(r -> r.method().equals("POST"))
                .filter(r -> r.path().equals("/v1/transfers"))
                .filter(r -> orderId.equals(r.form().get("transfer_group")))
                .toList();
    }

    private static Answer error(
            int status, String type, String code, String declineCode, String message) {
        StringBuilder json = new StringBuilder("{\"error\":{\"type\":\"").append(type).append('"');
        if (code != null) {
            json.append(",\"code\":\"").append(code).append('"');
        }
        if (declineCode != null) {
            json.append(",\"decline_code\":\"").append(declineCode).append('"');
        }
        json.append(",\"message\":\"").append(message.replace("\"", "\\\"")).append("\"}}");
        return new Answer(status, json.toString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Every recorded request, for failure messages. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        requests.forEach(r -> lines.add(r.method() + " " + r.path() + " " + r.form()));
        return lines;
    }
}
