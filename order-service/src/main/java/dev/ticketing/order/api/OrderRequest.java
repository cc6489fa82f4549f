package dev.ticketing.order.api;

import dev.ticketing.common.openapi.SharedExamples;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/orders. */
@Schema(example = OpenApiExamples.ORDER_REQUEST)
public record OrderRequest(@Schema(example = SharedExamples.TICKET_ID) String ticketId) {}
