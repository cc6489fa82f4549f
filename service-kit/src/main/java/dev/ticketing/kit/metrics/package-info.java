/** The counters a service keeps on {@code /metrics}: it names them, the kit registers them. */
package dev.ticketing.kit.metrics;
