package dev.ticketing.store.outbox;

import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A test-only fault point: with {@code ticketing.fault.halt-after-write} set to a write's name (or
 * {@code any}), the JVM halts right after that write is stored and before its events are relayed,
 * as a power cut would. Crash tests use it to prove the outbox loses and duplicates nothing. Unset
 * in every real deployment.
 */
public final class CrashPoint {
    private static final Logger LOG = Logger.getLogger(CrashPoint.class.getName());
    static final String PROPERTY = "ticketing.fault.halt-after-write";

    private CrashPoint() {}

    public static void afterWrite(String write) {
        String armed =
                ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class).orElse("");
        if (!armed.isBlank() && (armed.equals(write) || armed.equals("any"))) {
            LOG.severe(
                    "fault point "
                            + PROPERTY
                            + "="
                            + armed
                            + ": halting right after write '"
                            + write
                            + "'");
            Runtime.getRuntime().halt(86);
        }
    }
}
