package dev.ticketing.storefront.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Set;

/**
 * Anonymous browsing starts no server session (docs/api.md, "Hardening"). What an anonymous visitor
 * reads (the listing, a ticket, the not-found page) holds no form, so its view is transient:
 * nothing to keep, and MyFaces, told not to force one (web.xml), creates no session. A view keeps
 * its state, in the session, where there is a form: sign in and sign up, and every page of a
 * signed-in visitor (the sign-out form, buying, selling): that server-side view state is what tells
 * a genuine post from a forged one.
 */
public class StatelessBrowsing extends ViewHandlerWrapper {
    /**
     * The pages whose form anonymous visitors post (view ids with or without .xhtml: /signin is
     * mapped too).
     */
    static final Set<String> FORMS_FOR_VISITORS = Set.of("/signin", "/signup");

    public StatelessBrowsing(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && keepsNoState(viewId)) {
            root.setTransient(true);
        }
        return root;
    }

    private static boolean keepsNoState(String viewId) {
        String page =
                viewId == null
                        ? ""
                        : viewId.endsWith(".xhtml")
                                ? viewId.substring(0, viewId.length() - 6)
                                : viewId;
        return !FORMS_FOR_VISITORS.contains(page)
                && !CDI.current().select(CurrentUser.class).get().isSignedIn();
    }
}
