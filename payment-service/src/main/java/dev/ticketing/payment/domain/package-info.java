/**
 * Payment rules: who may pay for which order, how much in cents, and the keys that keep a charge
 * single.
 */
package dev.ticketing.payment.domain;
