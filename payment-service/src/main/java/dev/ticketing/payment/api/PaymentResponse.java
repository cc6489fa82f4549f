package dev.ticketing.payment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"id"}}: the payment recorded for the order. */
@Schema(name = "PaymentResponse", example = OpenApiExamples.PAYMENT)
public record PaymentResponse(@Schema(description = "The payment's id") String id) {}
