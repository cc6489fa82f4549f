package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketDraft;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** "Sell a ticket": lists a new ticket and shows it. */
@Named
@RequestScoped
public class SellPage extends TicketForm {

    /** Only a signed-in visitor can sell (view action). */
    public void load() {
        if (!currentUser.isSignedIn()) {
            browser.redirectToSignIn();
        }
    }

    @Override
    protected Ticket save(TicketsApi tickets, TicketDraft draft) {
        return tickets.list(draft);
    }

    @Override
    protected String saved() {
        return "Your ticket is on sale.";
    }
}
