/**
 * The payment routes of docs/api.md under /api/payments: pay for an order, and Stripe's webhook.
 */
package dev.ticketing.payment.api;
