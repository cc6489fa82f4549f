package dev.ticketing.common.openapi;

import dev.ticketing.common.errors.Problems;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error answers every service's routes share, written once as components of the OpenAPI
 * document: a route refers to one by name, {@code @APIResponse(responseCode = "404", ref =
 * SharedResponses.NOT_FOUND)}. A service adds them by naming this class in {@code
 * mp.openapi.model.reader}.
 */
public class SharedResponses implements OASModelReader {

    /** 401 on a route that needs a session. */
    public static final String NOT_SIGNED_IN = "NotSignedIn";

    /** 401 on a route that also needs the caller to own what it names. */
    public static final String NOT_THE_OWNER = "NotTheOwner";

    /** 404 for an unknown or malformed id. */
    public static final String NOT_FOUND = "NotFound";

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .components(
                        OASFactory.createComponents()
                                .addResponse(
                                        NOT_SIGNED_IN,
                                        error(
                                                "Not signed in",
                                                "not signed in",
                                                Problems.NOT_AUTHORIZED))
                                .addResponse(
                                        NOT_THE_OWNER,
                                        error(
                                                "Not signed in, or not the owner (the ticket's"
                                                        + " seller, the order's buyer)",
                                                "not the owner",
                                                Problems.NOT_AUTHORIZED))
                                .addResponse(
                                        NOT_FOUND,
                                        error(
                                                "No such resource, or a malformed id",
                                                "not found",
                                                Problems.NOT_FOUND)));
    }

    /** The envelope with one message, as every error example shows it. */
    private static APIResponse error(String description, String example, String message) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(
                        OASFactory.createContent()
                                .addMediaType(
                                        MediaType.APPLICATION_JSON,
                                        OASFactory.createMediaType()
                                                .addExample(
                                                        example,
                                                        OASFactory.createExample()
                                                                .value(
                                                                        Map.of(
                                                                                "errors",
                                                                                List.of(
                                                                                        Map.of(
                                                                                                "message",
                                                                                                message)))))));
    }
}
