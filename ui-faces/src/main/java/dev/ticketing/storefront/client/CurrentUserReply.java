package dev.ticketing.storefront.client;

/** {@code GET /api/users/currentuser}: the user of the session cookie, or null when anonymous. */
public record CurrentUserReply(User currentUser) {}
