/** The order routes of the public API (/api/orders): thin resources and their JSON records. */
package dev.ticketing.order.api;
