/**
 * The ticket aggregate and its rules: who may edit it, when it is reserved and by which order, and
 * how order events are applied exactly once and in order. No Jakarta or MongoDB types here.
 */
package dev.ticketing.catalog.domain;
