/** Persistent EJB timers, one per pending order, that fire the order's expiry. */
package dev.ticketing.timer.expiry;
