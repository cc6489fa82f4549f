package dev.ticketing.storefront.client;

import java.util.List;

/** docs/api.md's error body: {@code {"errors":[{"message","field"}]}}. */
public record ErrorEnvelope(List<ApiError> errors) {}
