package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiError;
import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.TicketFiles;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends a ticket file chosen in a form (selling, or on the ticket page) to catalog-service, which
 * checks it (docs/api.md, "Delivery and payouts").
 */
final class TicketFileUpload {
    /** catalog-service refuses more; checked here first so the visitor gets the message at once. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(TicketFileUpload.class.getName());

    private TicketFileUpload() {}

    /** Null once attached; otherwise why not, in words for the seller. */
    static String attach(TicketFiles files, String ticketId, Part file) {
        if (file == null || file.getSize() == 0) {
            return "Choose the ticket file to attach: a PDF, PNG or JPEG.";
        }
        if (file.getSize() > MAX_BYTES) {
            return "The ticket file is larger than 5 MB. Attach a smaller PDF or image.";
        }
        try (InputStream content = file.getInputStream()) {
            files.attach(ticketId, file.getContentType(), content.readAllBytes());
            return null;
        } catch (ApiException e) {
            if (e.isUnreachable()) {
                return Feedback.UNREACHABLE;
            }
            return e.errors().stream().map(ApiError::message).collect(Collectors.joining(" "));
        } catch (ProcessingException | IOException e) {
            LOG.log(Level.WARNING, "ticket file not attached: {0}", e.toString());
            return Feedback.UNREACHABLE;
        }
    }
}
