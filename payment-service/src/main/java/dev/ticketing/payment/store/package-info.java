/**
 * The orders collection: payment-service's copies of orders, each with its payment and its outbox;
 * and the payment attempts. The adapters behind checkout's {@code OrderCopies} and {@code
 * PaymentAttempts} ports: ids, duplicate keys and outbox documents are dealt with here, so no
 * driver, BSON or JNoSQL type reaches checkout. Both are mapped by Jakarta NoSQL ({@code
 * PaymentAttemptDocument}, {@code OrderCopyDocument}), and read through its template or, for what a
 * find-and-modify returns, its converter ({@code DriverResults}). The order copies are written only
 * by the driver: every write to them is conditional (find-and-modify on a version or a state) and
 * their inserts rely on fields being absent, not null ({@code $exists} filters), which JNoSQL 1.1
 * cannot write.
 */
package dev.ticketing.payment.store;
