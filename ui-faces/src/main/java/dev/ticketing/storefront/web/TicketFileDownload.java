package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.ApiException;
import dev.ticketing.storefront.client.TicketFiles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Download your ticket": passes catalog-service's file through with the visitor's session, so the
 * API decides who may have it (the seller, and the buyer once the order is paid). Anyone else gets
 * the not-found page: whether a listing has a file is nobody else's business.
 */
@WebServlet("/ticket-file")
public class TicketFileDownload extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TicketFileDownload.class.getName());

    @Inject transient TicketFiles files;

    @Inject transient CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String id = request.getParameter("id");
        if (!currentUser.isSignedIn()) {
            String back = "/ticket-file?id=" + (id == null ? "" : id);
            response.sendRedirect(
                    request.getContextPath()
                            + "/signin?next="
                            + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        if (id == null || id.isBlank()) {
            response.sendError(404);
            return;
        }
        TicketFiles.Download file;
        try {
            file = files.download(id);
        } catch (ApiException e) {
            if (e.isUnauthorized() || e.isNotFound()) {
                response.sendError(404);
            } else {
                LOG.log(
                        Level.WARNING,
                        "catalog-service refused file {0}: {1}",
                        new Object[] {id, e});
                response.sendError(503);
            }
            return;
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "catalog-service unreachable: {0}", e.toString());
            response.sendError(503);
            return;
        }
        response.setContentType(file.type());
        response.setHeader("Content-Disposition", file.disposition());
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }
}
