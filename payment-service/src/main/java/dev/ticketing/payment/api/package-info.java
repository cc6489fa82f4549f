/** The payment routes of API.md under /api/payments: pay for an order, and Stripe's webhook. */
package dev.ticketing.payment.api;
