/** Order events in (schedule or cancel an expiry), expiration.complete out. */
package dev.ticketing.timer.events;
