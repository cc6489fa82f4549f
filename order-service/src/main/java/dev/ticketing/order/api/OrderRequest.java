package dev.ticketing.order.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/orders. */
@Schema(example = "{\"ticketId\":\"665f1c2e9b1e8a3d4c5b6a79\"}")
public record OrderRequest(@Schema(example = "665f1c2e9b1e8a3d4c5b6a79") String ticketId) {}
