/**
 * The values every service shares about a listing: the event a ticket is for and its seat
 * (docs/api.md, "Events and listings").
 */
package dev.ticketing.common.listing;
