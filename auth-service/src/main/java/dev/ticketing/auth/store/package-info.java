/**
 * Accounts in the document store through Jakarta NoSQL: one document per account, keyed by the
 * normalized email, so email uniqueness is the store's primary-key guarantee.
 */
package dev.ticketing.auth.store;
