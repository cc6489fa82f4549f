/**
 * The account aggregate and the rules of signing up and signing in; no Jakarta or Mongo types.
 * {@link dev.ticketing.auth.domain.Accounts} is the application service the REST resource calls.
 */
package dev.ticketing.auth.domain;
