package dev.ticketing.common.openapi;

import dev.ticketing.common.errors.Problems;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error responses every service's routes share, declared once as OpenAPI components: a route
 * names them with {@code @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)}.
 * A service reads them with {@code
 * mp.openapi.model.reader=dev.ticketing.common.openapi.SharedResponses}.
 */
public class SharedResponses implements OASModelReader {

    /** 401: not signed in, or not the one allowed to see or change the resource. */
    public static final String NOT_AUTHORIZED = "NotAuthorized";

    /** 404: no such resource, or a malformed id. */
    public static final String NOT_FOUND = "NotFound";

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .components(
                        OASFactory.createComponents()
                                .addResponse(
                                        NOT_AUTHORIZED,
                                        error(
                                                "Not signed in, or not the owner",
                                                "not authorized",
                                                Problems.NOT_AUTHORIZED))
                                .addResponse(
                                        NOT_FOUND,
                                        error(
                                                "No such resource, or a malformed id",
                                                "not found",
                                                Problems.NOT_FOUND)));
    }

    /** A response answering the error envelope with {@code message}, shown as a JSON object. */
    private static APIResponse error(String description, String exampleName, String message) {
        Example example =
                OASFactory.createExample()
                        .value(Map.of("errors", List.of(Map.of("message", message))));
        Content content =
                OASFactory.createContent()
                        .addMediaType(
                                MediaType.APPLICATION_JSON,
                                OASFactory.createMediaType().addExample(exampleName, example));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
