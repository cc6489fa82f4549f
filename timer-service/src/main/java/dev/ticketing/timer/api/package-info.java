/** The read-only admin view of pending expiries, under /internal/timers. */
package dev.ticketing.timer.api;
