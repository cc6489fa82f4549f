package dev.ticketing.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's view of the dead letters: {@code ./ticketing dlq list|show ID|replay ID|--subject
 * S|--all}. A dead letter's ID is its sequence number in the stream. Replaying one publishes the
 * original event again to its original subject (every consumer of that subject sees it again;
 * handlers are idempotent, so the ones that had applied it change nothing), then deletes the dead
 * letter. The replay's {@code Nats-Msg-Id} is derived from the dead letter, so replaying twice
 * within the stream's duplicate window (a crash between publish and delete) stores the event once.
 *
 * <p>Settings: {@code --url} (else {@code NATS_URL}, else nats://127.0.0.1:4222), {@code --stream}
 * (else {@code TICKETING_STREAM}, else TICKETING), {@code --prefix}, the dead letters' prefix (else
 * {@code TICKETING_SUBJECT_PREFIX}, else ticketing).
 */
public final class DeadLetterQueue implements AutoCloseable {

    /** One dead letter as stored. */
    public record DeadLetter(
            long id,
            String subject,
            String originalSubject,
            String consumer,
            String delivered,
            String reason,
            String time,
            Headers headers,
            byte[] data) {
        String payload() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final Connection nats;
    private final JetStream js;
    private final JetStreamManagement jsm;
    private final String stream;
    private final String prefix;

    public DeadLetterQueue(String url, String stream, String prefix) throws Exception {
        this.nats =
                Nats.connect(
                        new Options.Builder()
                                .server(url)
                                .connectionTimeout(Duration.ofSeconds(5))
                                .maxReconnects(0)
                                .build());
        this.js = nats.jetStream();
        this.jsm = nats.jetStreamManagement();
        this.stream = stream;
        this.prefix = prefix;
    }

    private String allDeadLetters() {
        return DeadLetters.subjectFor(prefix, ">");
    }

    /** Every dead letter, oldest first; only those of {@code originalSubject} when given. */
    public List<DeadLetter> list(Optional<String> originalSubject) throws Exception {
        String filter =
                originalSubject
                        .map(s -> DeadLetters.subjectFor(prefix, s))
                        .orElse(allDeadLetters());
        List<DeadLetter> found = new ArrayList<>();
        if (count(filter) == 0) {
            return found;
        }
        JetStreamSubscription sub =
                js.subscribe(
                        filter,
                        PushSubscribeOptions.builder().stream(stream).ordered(true).build());
        try {
            Message m;
            while ((m = sub.nextMessage(Duration.ofSeconds(2))) != null) {
                found.add(
                        of(
                                m.metaData().streamSequence(),
                                m.getSubject(),
                                m.getHeaders(),
                                m.getData(),
                                m.metaData().timestamp().toInstant().toString()));
                if (m.metaData().pendingCount() == 0) {
                    break;
                }
            }
        } finally {
            sub.unsubscribe();
        }
        return found;
    }

    private long count(String filter) throws Exception {
        return jsm
                .getStreamInfo(stream, io.nats.client.api.StreamInfoOptions.filterSubjects(filter))
                .getStreamState()
                .getSubjects()
                .stream()
                .mapToLong(io.nats.client.api.Subject::getCount)
                .sum();
    }

    /** The dead letter with this id, if there is one. */
    public Optional<DeadLetter> find(long id) throws Exception {
        MessageInfo info;
        try {
            info = jsm.getMessage(stream, id);
        } catch (JetStreamApiException notFound) {
            return Optional.empty();
        }
        if (!info.getSubject().startsWith(prefix + ".dlq.")) {
            return Optional.empty();
        }
        return Optional.of(
                of(
                        info.getSeq(),
                        info.getSubject(),
                        info.getHeaders(),
                        info.getData(),
                        info.getTime().toInstant().toString()));
    }

    /**
     * Publishes the dead letter's event to its original subject again, then deletes the dead
     * letter; the stream sequence of the replayed event.
     */
    public long replay(DeadLetter dead) throws Exception {
        Headers headers = new Headers();
        if (dead.headers() != null) {
            dead.headers().entrySet().stream()
                    .filter(
                            e ->
                                    !e.getKey().startsWith("Ticketing-Dlq-")
                                            && !e.getKey().regionMatches(true, 0, "Nats-", 0, 5))
                    .forEach(e -> headers.put(e.getKey(), e.getValue()));
        }
        headers.put(OutgoingNatsMetadata.MSG_ID_HEADER, "replay-" + stream + "-" + dead.id());
        PublishAck ack = js.publish(dead.originalSubject(), headers, dead.data());
        jsm.deleteMessage(stream, dead.id());
        return ack.getSeqno();
    }

    private DeadLetter of(long id, String subject, Headers h, byte[] data, String time) {
        String original =
                first(h, DeadLetters.ORIGINAL_SUBJECT)
                        .orElse(subject.substring((prefix + ".dlq.").length()));
        return new DeadLetter(
                id,
                subject,
                original,
                first(h, DeadLetters.CONSUMER).orElse("?"),
                first(h, DeadLetters.DELIVERED).orElse("?"),
                first(h, DeadLetters.REASON).orElse("(no reason)"),
                time,
                h,
                data == null ? new byte[0] : data);
    }

    private static Optional<String> first(Headers h, String name) {
        return h == null ? Optional.empty() : Optional.ofNullable(h.getFirst(name));
    }

    @Override
    public void close() throws InterruptedException {
        nats.close();
    }

    // ---- the command line
    // ------------------------------------------------------------------------

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; the process's exit status (0 done, 1 not found or failed, 2 usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = env("NATS_URL", "nats://127.0.0.1:4222");
        String stream = env("TICKETING_STREAM", "TICKETING");
        String prefix = env("TICKETING_SUBJECT_PREFIX", "ticketing");
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--stream" -> stream = args[++i];
                case "--prefix" -> prefix = args[++i];
                default -> rest.add(args[i]);
            }
        }
        if (rest.isEmpty()) {
            return usage(err);
        }
        try (DeadLetterQueue dlq = new DeadLetterQueue(url, stream, prefix)) {
            switch (rest.get(0)) {
                case "list":
                    return dlq.printList(
                            rest.size() > 2 && rest.get(1).equals("--subject")
                                    ? Optional.of(rest.get(2))
                                    : Optional.empty(),
                            out);
                case "count":
                    out.println(dlq.count(dlq.allDeadLetters()));
                    return 0;
                case "show":
                    return rest.size() == 2
                            ? dlq.printOne(Long.parseLong(rest.get(1)), out, err)
                            : usage(err);
                case "replay":
                    return rest.size() >= 2
                            ? dlq.replayCommand(rest.subList(1, rest.size()), out, err)
                            : usage(err);
                default:
                    return usage(err);
            }
        } catch (NumberFormatException e) {
            err.println("dlq: an ID is the number `dlq list` shows");
            return 2;
        } catch (Exception e) {
            err.println("dlq: " + e + " (NATS " + url + ", stream " + stream + ")");
            return 1;
        }
    }

    private int printList(Optional<String> subject, PrintStream out) throws Exception {
        List<DeadLetter> all = list(subject);
        if (all.isEmpty()) {
            out.println(
                    "No dead letters"
                            + subject.map(s -> " of " + s).orElse("")
                            + " in stream "
                            + stream
                            + ".");
            return 0;
        }
        out.printf(
                "%-8s %-24s %-36s %-34s %-5s %s%n",
                "ID", "PARKED AT", "SUBJECT", "CONSUMER", "TRIES", "REASON");
        for (DeadLetter d : all) {
            String reason =
                    d.reason().length() > 100 ? d.reason().substring(0, 97) + "..." : d.reason();
            out.printf(
                    "%-8d %-24s %-36s %-34s %-5s %s%n",
                    d.id(), d.time(), d.originalSubject(), d.consumer(), d.delivered(), reason);
        }
        out.println(
                all.size()
                        + " dead letter(s). `./ticketing dlq show ID` for one; `./ticketing dlq replay ID` "
                        + "(or --subject S, --all) to publish them again.");
        return 0;
    }

    private int printOne(long id, PrintStream out, PrintStream err) throws Exception {
        Optional<DeadLetter> found = find(id);
        if (found.isEmpty()) {
            err.println("dlq: no dead letter " + id + " in stream " + stream);
            return 1;
        }
        DeadLetter d = found.get();
        out.println("ID:               " + d.id());
        out.println("Parked at:        " + d.time() + " on " + d.subject());
        out.println("Original subject: " + d.originalSubject());
        if (d.headers() != null) {
            for (Map.Entry<String, List<String>> h : d.headers().entrySet()) {
                out.println(
                        "Header:           " + h.getKey() + ": " + String.join(", ", h.getValue()));
            }
        }
        out.println("Payload:");
        out.println(d.payload());
        return 0;
    }

    private int replayCommand(List<String> what, PrintStream out, PrintStream err)
            throws Exception {
        List<DeadLetter> chosen = new ArrayList<>();
        if (what.get(0).equals("--all")) {
            chosen.addAll(list(Optional.empty()));
        } else if (what.get(0).equals("--subject") && what.size() == 2) {
            chosen.addAll(list(Optional.of(what.get(1))));
        } else {
            for (String id : what) {
                Optional<DeadLetter> found = find(Long.parseLong(id));
                if (found.isEmpty()) {
                    err.println("dlq: no dead letter " + id + " in stream " + stream);
                    return 1;
                }
                chosen.add(found.get());
            }
        }
        for (DeadLetter d : chosen) {
            long seq = replay(d);
            out.println(
                    "Replayed "
                            + d.id()
                            + " to "
                            + d.originalSubject()
                            + " (stream sequence "
                            + seq
                            + "); the dead letter is removed.");
        }
        out.println(chosen.size() + " dead letter(s) replayed.");
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println(
                "usage: ticketing dlq list [--subject S] | count | show ID | replay ID... | replay --subject S | replay --all");
        err.println("       [--url NATS_URL] [--stream STREAM] [--prefix SUBJECT_PREFIX]");
        return 2;
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
