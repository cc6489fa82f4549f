/**
 * The storefront's view of the public APIs (docs/api.md): MicroProfile Rest Client interfaces, the
 * JSON records they exchange, and the two cross-cutting pieces every call shares: the browser's
 * session cookie forwarded on each request, and the error envelope turned into {@link
 * ApiException}.
 */
package dev.ticketing.storefront.client;
