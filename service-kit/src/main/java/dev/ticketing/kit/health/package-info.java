/**
 * The readiness and liveness checks every service extends by naming itself and its dependencies.
 */
package dev.ticketing.kit.health;
