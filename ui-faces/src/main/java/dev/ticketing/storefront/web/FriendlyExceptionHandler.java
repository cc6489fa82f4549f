package dev.ticketing.storefront.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No visitor ever sees a stack trace. A form posted from a page whose state has gone (the server
 * restarted, the session timed out) sends the visitor back to a fresh copy of the page with a
 * sentence saying so. Anything else is logged once with a short reference, and the visitor gets the
 * friendly error page (web.xml's error page for 500) showing that reference.
 */
public class FriendlyExceptionHandler extends ExceptionHandlerWrapper {
    /** Request attribute naming the incident, shown on the error page to quote to support. */
    public static final String INCIDENT = "dev.ticketing.storefront.incident";

    static final String PAGE_EXPIRED =
            "That page had been open for a while, so we reloaded it. Please try again.";
    private static final Logger LOG = Logger.getLogger(FriendlyExceptionHandler.class.getName());

    public FriendlyExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable problem = events.next().getContext().getException();
            if (isViewExpired(problem) && reload(faces)) {
                events.remove();
            } else {
                recordIncident(faces, problem);
            }
        }
        getWrapped().handle();
    }

    private static boolean isViewExpired(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** Redirects to the same page by GET (its query kept), with a message. False if too late. */
    private static boolean reload(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        if (external.isResponseCommitted()) {
            return false;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        try {
            faces.addMessage(
                    null,
                    new jakarta.faces.application.FacesMessage(
                            jakarta.faces.application.FacesMessage.SEVERITY_WARN,
                            PAGE_EXPIRED,
                            PAGE_EXPIRED));
            external.getFlash().setKeepMessages(true);
            external.getFlash().setRedirect(true);
            external.redirect(target);
            faces.responseComplete();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not reload an expired page", e);
            return false;
        }
    }

    private static void recordIncident(FacesContext faces, Throwable problem) {
        Object request = faces == null ? null : faces.getExternalContext().getRequest();
        String incident = UUID.randomUUID().toString().substring(0, 8);
        if (request instanceof HttpServletRequest http) {
            if (http.getAttribute(INCIDENT) != null) {
                return;
            }
            http.setAttribute(INCIDENT, incident);
        }
        LOG.log(Level.SEVERE, "Incident " + incident + ": a page failed", problem);
    }
}
