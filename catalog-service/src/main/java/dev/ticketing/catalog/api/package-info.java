/** The ticket routes of the public API (/api/tickets): thin resources and their JSON records. */
package dev.ticketing.catalog.api;
