package dev.ticketing.nats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Read-only NATS status for readiness checks:
 *
 * <pre>
 * &#64;Readiness &#64;ApplicationScoped
 * class NatsReadiness implements HealthCheck {
 *     &#64;Inject NatsConnectionStatus nats;
 *     public HealthCheckResponse call() {
 *         return HealthCheckResponse.named("nats").status(nats.isConnected()).build();
 *     }
 * }
 * </pre>
 */
@ApplicationScoped
public class NatsConnectionStatus {

    @Inject
    @Connector(NatsJetStreamConnector.NAME)
    Instance<NatsJetStreamConnector> connector;

    /** True when the connector has opened its connection(s) and all are connected now. */
    public boolean isConnected() {
        return connector.isResolvable() && connector.get().isConnected();
    }

    /** Each incoming channel's health: liveness is DOWN when one stopped consuming. */
    public List<ChannelHealth> channels() {
        return connector.isResolvable() ? connector.get().channelHealth() : List.of();
    }

    /** Server URL to connection state, for health check data. */
    public Map<String, String> connections() {
        return connector.isResolvable() ? connector.get().connectionStates() : Map.of();
    }
}
