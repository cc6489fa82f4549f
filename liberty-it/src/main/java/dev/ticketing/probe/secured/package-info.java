/**
 * Routes protected exactly as the services protect theirs (mpJwt from fragments/jwt-verify.xml,
 * {@code @RolesAllowed("user")}), so the security tests can throw every kind of bad token at them.
 */
package dev.ticketing.probe.secured;
