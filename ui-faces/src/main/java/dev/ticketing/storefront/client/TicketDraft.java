package dev.ticketing.storefront.client;

import java.math.BigDecimal;

/** The body of listing a ticket or editing one. */
public record TicketDraft(String title, BigDecimal price) {}
