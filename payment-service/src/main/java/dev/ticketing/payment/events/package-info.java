/** Order events in (the order copies), payment.created out through the outbox relay. */
package dev.ticketing.payment.events;
