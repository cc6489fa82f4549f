/** The payment gateway port and its adapters: Stripe (stripe-java) and a simulation for laptops. */
package dev.ticketing.payment.gateway;
