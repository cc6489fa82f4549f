/** The readiness check of every service that keeps its documents in the document store. */
package dev.ticketing.store.health;
