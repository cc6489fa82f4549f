package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.Ticket;
import dev.ticketing.storefront.client.TicketDraft;
import dev.ticketing.storefront.client.TicketFiles;
import dev.ticketing.storefront.client.TicketsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

/** "Sell a ticket": lists a new ticket and shows it. */
@Named
@RequestScoped
public class SellPage extends TicketForm {

    @Inject TicketFiles files;

    private Part file;

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

    /**
     * The ticket file chosen with the listing, attached once it is listed. A refused file does not
     * undo the listing: the ticket page says why and offers to attach another.
     */
    @Override
    protected void afterSave(Ticket ticket) {
        if (file == null || file.getSize() == 0) {
            return;
        }
        String refused = TicketFileUpload.attach(files, ticket.id(), file);
        if (refused != null) {
            feedback.errorAfterRedirect("The ticket file was not attached: " + refused);
        }
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
