package dev.ticketing.nats;

/**
 * How an incoming channel is doing, for liveness: {@code up} false means it stopped consuming and a
 * restart would help (the application ended its subscription, none came, or the worker stalled).
 *
 * @param state a few words: "fetching", "waiting for NATS", "ended: cancelled by the application",
 *     ...
 */
public record ChannelHealth(String channel, boolean up, String state) {}
