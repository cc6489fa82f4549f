/**
 * The orders collection: payment-service's copies of orders, each with its payment and its outbox;
 * and the payment attempts. The adapters behind checkout's {@code OrderCopies} and {@code
 * PaymentAttempts} ports: ids, duplicate keys and outbox documents are dealt with here, so no
 * driver or BSON type reaches checkout.
 */
package dev.ticketing.payment.store;
