/**
 * The API's error envelope {@code {"errors":[{"message","field"}]}}, the exceptions services throw
 * to produce it, and the JAX-RS exception mappers that turn every failure into it. A service gets
 * the mappers by having this jar in {@code WEB-INF/lib}.
 */
package dev.ticketing.common.errors;
