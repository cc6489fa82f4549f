package dev.ticketing.kit.health;

import dev.ticketing.nats.ChannelHealth;
import dev.ticketing.nats.NatsConnectionStatus;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness of a service that consumes events: DOWN when an incoming channel stopped consuming (the
 * application ended its subscription, it was never subscribed, or its worker stalled), naming the
 * channel and why. NATS being away is not such a stop: channels wait and resume.
 */
public abstract class ConsumerLiveness extends ServiceLiveness {

    @Inject NatsConnectionStatus nats;

    @Override
    protected Map<String, String> stopped() {
        Map<String, String> stopped = new LinkedHashMap<>();
        for (ChannelHealth channel : nats.channels()) {
            if (!channel.up()) {
                stopped.put(channel.channel(), channel.state());
            }
        }
        return stopped;
    }

    @Override
    protected Map<String, String> running() {
        Map<String, String> running = new LinkedHashMap<>();
        for (ChannelHealth channel : nats.channels()) {
            if (channel.up()) {
                running.put(channel.channel(), channel.state());
            }
        }
        return running;
    }
}
