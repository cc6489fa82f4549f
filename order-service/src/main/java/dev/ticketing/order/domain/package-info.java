/**
 * Orders and the ticket copies they reserve: an order's lifecycle (created, awaiting:payment,
 * complete, cancelled) and its rules, and the rule a copy keeps when applying catalog events. No
 * Jakarta or MongoDB types here.
 */
package dev.ticketing.order.domain;
