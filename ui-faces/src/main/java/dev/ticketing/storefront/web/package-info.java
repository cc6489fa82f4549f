/**
 * The storefront's pages: one request-scoped backing bean per Faces view, each calling the APIs
 * through {@code client} and turning every answer (including errors and an unreachable API) into
 * something a buyer or seller can read. No bean holds marketplace data beyond one request.
 */
package dev.ticketing.storefront.web;
