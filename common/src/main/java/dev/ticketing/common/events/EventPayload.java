package dev.ticketing.common.events;

/** The data of one event; each permitted record is one row of the API's events table. */
public sealed interface EventPayload
        permits TicketCreated,
                TicketUpdated,
                OrderCreated,
                OrderCancelled,
                OrderCompleted,
                ExpirationComplete,
                PaymentCreated,
                PayoutCreated,
                PayoutReleased,
                PayoutCancelled,
                SessionRevoked {}
