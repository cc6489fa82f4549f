package dev.ticketing.payment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"id"}}: the payment recorded for the order. */
@Schema(name = "PaymentResponse", example = "{\"id\":\"6650c20aa1b2c3d4e5f60790\"}")
public record PaymentResponse(String id) {}
