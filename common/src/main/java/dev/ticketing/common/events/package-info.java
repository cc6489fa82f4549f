/**
 * The integration events the services exchange over NATS JetStream: the envelope, one record per
 * payload, the catalogue of types and subjects, and the JSON codec. No business rules.
 */
package dev.ticketing.common.events;
