package dev.ticketing.system.audit;

import dev.ticketing.operations.Audit;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every system test class ends by running {@code ./ticketing audit}'s checks on the platform it
 * drove (this run's stores, stream and subjects): whatever a test did, the marketplace must be left
 * with every invariant holding once events in flight have settled. Registered for every class
 * through JUnit's extension auto-detection (META-INF/services).
 */
public final class AuditAfterEveryClass implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        String store = System.getProperty("it.store.url");
        if (store == null || store.contains("${")) {
            return; // not driven by the build: no platform to audit
        }
        Audit.Report report =
                new Audit(
                                Audit.Target.onOneStore(
                                        store,
                                        System.getProperty("nats.url"),
                                        System.getProperty("it.stream"),
                                        System.getProperty("it.subject.prefix")))
                        .run(Duration.ofSeconds(150));
        if (!report.clean()) {
            throw new AssertionError(
                    "after "
                            + context.getDisplayName()
                            + ", ./ticketing audit found "
                            + report.summary()
                            + ":\n  "
                            + String.join("\n  ", report.violations()));
        }
    }
}
