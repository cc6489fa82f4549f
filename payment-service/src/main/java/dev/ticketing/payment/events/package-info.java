/**
 * Order events in (the order copies), settled by the service kit; payment.created leaves through
 * document-store's EventOutbox.
 */
package dev.ticketing.payment.events;
