/**
 * The orders collection: payment-service's copies of orders, each with its payment and its outbox.
 */
package dev.ticketing.payment.store;
