/**
 * Credentials and sessions: password hashing, signing and reading session tokens, the session
 * cookie, and sign-in throttling.
 */
package dev.ticketing.auth.security;
