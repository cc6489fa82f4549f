package dev.ticketing.storefront.client;

/** The body of purchasing: which ticket to reserve. */
public record NewOrder(String ticketId) {}
