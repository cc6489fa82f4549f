/**
 * Persistent EJB timers, one per pending order, that fire the order's expiry: timer-service's
 * application layer. It announces an expiry through its own port, {@link
 * dev.ticketing.timer.expiry.ExpirationNotices}, which the events package implements, so events
 * calls in (schedule, cancel) and nothing here depends on the bus: no cycle between the two.
 */
package dev.ticketing.timer.expiry;
