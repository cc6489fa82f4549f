/**
 * The HTTP face of auth-service (/api/users): the resource, its request and response records, and
 * their validation rules.
 */
package dev.ticketing.auth.api;
