/**
 * Paying for an order: the rules, the gateway, the conditional write, and the refund when expiry
 * wins.
 */
package dev.ticketing.payment.checkout;
