/**
 * The expiry rules: an order's hold ends at its due time, once, announced under one stable event
 * id.
 */
package dev.ticketing.timer.domain;
