package dev.ticketing.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates or updates the configured stream and a channel's durable consumer. Idempotent, so it runs
 * again after errors (a memory stream is gone after a NATS restart).
 */
final class StreamSetup {

    private static final Logger LOG = Logger.getLogger(StreamSetup.class.getName());

    static final int STREAM_NOT_FOUND = 10059;
    static final int STREAM_NAME_IN_USE = 10058;
    static final int SUBJECTS_OVERLAP = 10065;

    private StreamSetup() {}

    /**
     * Makes sure the stream exists with at least the configured subjects, duplicate window and
     * replicas. Subjects are merged with the existing ones rather than replaced, because several
     * services configure the same stream and must not undo each other.
     */
    static void ensureStream(JetStreamManagement jsm, ChannelSettings s)
            throws IOException, JetStreamApiException {
        StreamInfo info;
        try {
            info = jsm.getStreamInfo(s.stream());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            if (!s.createStream()) {
                throw new IllegalStateException(
                        "Stream "
                                + s.stream()
                                + " does not exist and "
                                + s.property(Setting.CREATE_STREAM)
                                + " is false");
            }
            try {
                jsm.addStream(
                        StreamConfiguration.builder()
                                .name(s.stream())
                                .subjects(s.subjects())
                                .storageType(storageType(s))
                                .duplicateWindow(s.duplicateWindow())
                                .replicas(s.replicas())
                                .build());
                LOG.info(
                        () ->
                                "Created JetStream stream "
                                        + s.stream()
                                        + " "
                                        + s.subjects()
                                        + " for "
                                        + s);
                return;
            } catch (JetStreamApiException raced) {
                // Another service (or application of the same server) created it meanwhile. NATS
                // says so with "name in use", or, when the two creations differ in any setting,
                // with "subjects overlap" (seen with five applications starting at once on a fresh
                // stream): either way the stream now exists and is updated below. A real overlap
                // with another stream leaves no stream of this name, and still fails.
                if (raced.getApiErrorCode() != STREAM_NAME_IN_USE
                        && raced.getApiErrorCode() != SUBJECTS_OVERLAP) {
                    throw raced;
                }
                try {
                    info = jsm.getStreamInfo(s.stream());
                } catch (JetStreamApiException missing) {
                    throw raced;
                }
            }
        }
        if (!s.createStream()) {
            return;
        }
        StreamConfiguration existing = info.getConfiguration();
        if (existing.getStorageType() != storageType(s)) {
            // Storage cannot be changed on an existing stream; keep it and say so.
            LOG.warning(
                    () ->
                            "Stream "
                                    + s.stream()
                                    + " has storage "
                                    + existing.getStorageType()
                                    + ", not "
                                    + s.storage()
                                    + " as configured for "
                                    + s
                                    + "; leaving it");
        }
        Set<String> subjects = new LinkedHashSet<>(existing.getSubjects());
        subjects.addAll(s.subjects());
        boolean changed =
                !subjects.equals(new LinkedHashSet<>(existing.getSubjects()))
                        || !Objects.equals(existing.getDuplicateWindow(), s.duplicateWindow())
                        || existing.getReplicas() != s.replicas();
        if (changed) {
            jsm.updateStream(
                    StreamConfiguration.builder(existing)
                            .subjects(new ArrayList<>(subjects))
                            .duplicateWindow(s.duplicateWindow())
                            .replicas(s.replicas())
                            .build());
            LOG.info(
                    () ->
                            "Updated JetStream stream "
                                    + s.stream()
                                    + " to subjects "
                                    + subjects
                                    + ", duplicate window "
                                    + s.duplicateWindow()
                                    + ", replicas "
                                    + s.replicas());
        }
    }

    /** Creates the channel's durable pull consumer, or updates its settings if it exists. */
    static void ensureConsumer(JetStreamManagement jsm, IncomingSettings s)
            throws IOException, JetStreamApiException {
        ConsumerConfiguration.Builder cc =
                ConsumerConfiguration.builder()
                        .durable(s.durable())
                        .ackPolicy(AckPolicy.Explicit)
                        .deliverPolicy(DeliverPolicy.All)
                        .ackWait(s.ackWait())
                        // Unlimited on the server: the connector decides when a message is
                        // dead-lettered
                        // (max-deliver counts only ordinary failures), so the server never stops
                        // delivering one
                        // silently, and a long outage's redeliveries never use up a message's
                        // budget.
                        .maxDeliver(-1)
                        .maxAckPending(s.maxAckPending());
        s.subject().ifPresent(cc::filterSubject);
        jsm.addOrUpdateConsumer(s.stream(), cc.build());
        warnIfDeadLettersAreLost(jsm, s);
    }

    private static void warnIfDeadLettersAreLost(JetStreamManagement jsm, IncomingSettings s) {
        String dlq = s.deadLetterSubject(s.subject().orElse(">"));
        try {
            List<String> streams = jsm.getStreamNames(dlq);
            if (streams.isEmpty()) {
                LOG.warning(
                        () ->
                                "No stream captures dead letters of "
                                        + s
                                        + " ("
                                        + dlq
                                        + "): failed messages"
                                        + " could not be parked; add '"
                                        + s.dlqPrefix()
                                        + ".dlq.>' to a stream");
            }
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            LOG.fine(() -> "Could not check dead-letter stream for " + s + ": " + e);
        }
    }

    private static StorageType storageType(ChannelSettings s) {
        return s.storage() == ChannelSettings.Storage.MEMORY
                ? StorageType.Memory
                : StorageType.File;
    }
}
