/**
 * Signed-out sessions, the same in every service that takes tokens: the revocations read from
 * session.revoked, the filter that refuses those tokens, and the readiness that waits for them.
 */
package dev.ticketing.kit.sessions;
