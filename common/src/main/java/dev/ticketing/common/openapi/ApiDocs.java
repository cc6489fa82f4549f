package dev.ticketing.common.openapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * A service's OpenAPI responses and request bodies, declared once as components: a route names
 * them, {@code @APIResponse(responseCode = "201", ref = CatalogApiDocs.LISTED)}, so a resource says
 * which answers a route gives and this class what each looks like, with its examples. Each service
 * extends it (its {@code mp.openapi.model.reader} and {@code mp.openapi.filter}); the 401 and 404
 * every service answers are declared here.
 *
 * <p>Component names are unique across services: the platform server merges every service's
 * document into one.
 */
public abstract class ApiDocs implements OASModelReader, OASFilter {

    /** 401: not signed in, or not the one allowed to see or change the resource. */
    public static final String NOT_AUTHORIZED = "NotAuthorized";

    /** 404: no such resource, or a malformed id. */
    public static final String NOT_FOUND = "NotFound";

    private static final String PREFIX = "#/components/schemas/";

    private final String service;
    private final String summary;

    /** {@code service}: the module, titled "Ticketing <service>"; {@code summary}: what it does. */
    protected ApiDocs(String service, String summary) {
        this.service = service;
        this.summary = summary;
    }

    @Override
    public final OpenAPI buildModel() {
        Components components =
                OASFactory.createComponents()
                        .addResponse(
                                NOT_AUTHORIZED,
                                error(
                                        "Not signed in, or not the owner",
                                        example("not authorized", SharedExamples.NOT_AUTHORIZED)))
                        .addResponse(
                                NOT_FOUND,
                                error(
                                        "No such resource, or a malformed id",
                                        example("not found", SharedExamples.NOT_FOUND)));
        describe(components);
        return OASFactory.createOpenAPI()
                .info(
                        OASFactory.createInfo()
                                .title("Ticketing " + service)
                                .version("1")
                                .description(summary))
                .components(components);
    }

    /** Adds the service's own responses and request bodies to {@code components}. */
    protected abstract void describe(Components components);

    /**
     * Drops the response the annotation scanner adds on its own for a method returning {@code
     * Response} or nothing (a bare "200 OK" or "204 No Content" without content) when the route
     * documents its success status itself: a POST answering 201 never answers 200.
     */
    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null) {
            return operation;
        }
        Map<String, APIResponse> all = responses.getAPIResponses();
        for (String status : new String[] {"200", "204"}) {
            APIResponse added = all.get(status);
            boolean documentedElse =
                    all.keySet().stream().anyMatch(s -> s.startsWith("2") && !s.equals(status));
            if (added != null
                    && added.getRef() == null
                    && added.getContent() == null
                    && documentedElse
                    && ("OK".equals(added.getDescription())
                            || "No Content".equals(added.getDescription()))) {
                responses.removeAPIResponse(status);
            }
        }
        return operation;
    }

    /** A success answering {@code schema} as JSON, shown by {@code examples}. */
    protected static APIResponse reply(String description, Schema schema, Shown... examples) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(json(schema, examples));
    }

    /** A success without a body. */
    protected static APIResponse empty(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    /** A success answering a file: raw bytes of one of {@code mediaTypes}. */
    protected static APIResponse file(String description, String... mediaTypes) {
        return OASFactory.createAPIResponse().description(description).content(binary(mediaTypes));
    }

    /** A required raw request body (a file) of one of {@code mediaTypes}. */
    protected static RequestBody fileBody(String description, String... mediaTypes) {
        return OASFactory.createRequestBody()
                .description(description)
                .required(true)
                .content(binary(mediaTypes));
    }

    /** Bytes, which no JSON example can show: each type's schema is a binary string. */
    private static org.eclipse.microprofile.openapi.models.media.Content binary(
            String... mediaTypes) {
        org.eclipse.microprofile.openapi.models.media.Content content = OASFactory.createContent();
        for (String type : mediaTypes) {
            content.addMediaType(
                    type,
                    OASFactory.createMediaType()
                            .schema(
                                    OASFactory.createSchema()
                                            .type(Schema.SchemaType.STRING)
                                            .format("binary")));
        }
        return content;
    }

    /** A refusal: the error envelope of docs/api.md, shown by {@code examples}. */
    protected static APIResponse error(String description, Shown... examples) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(json(null, examples));
    }

    /** A required JSON request body of {@code schema}. */
    protected static RequestBody body(Schema schema, Shown... examples) {
        return OASFactory.createRequestBody().required(true).content(json(schema, examples));
    }

    /** The schema the annotation scanner derives from {@code type} (its {@code @Schema} name). */
    protected static Schema schema(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        String name =
                named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName();
        return OASFactory.createSchema().ref(PREFIX + name);
    }

    /** A JSON array of {@code type}. */
    protected static Schema listOf(Class<?> type) {
        return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schema(type));
    }

    /** A header of the response, a string or an integer. */
    protected static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().type(type));
    }

    /** A named example: {@code json} is the body as the route sends or takes it. */
    protected static Shown example(String name, String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return new Shown(name, plain(reader.readValue()));
        }
    }

    /**
     * An example's name and value (maps, lists, strings, numbers: what the document writer knows).
     */
    protected record Shown(String name, Object value) {}

    private static Object plain(JsonValue json) {
        return switch (json.getValueType()) {
            case OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                ((JsonObject) json).forEach((key, value) -> members.put(key, plain(value)));
                yield members;
            }
            case ARRAY -> ((JsonArray) json).stream().map(ApiDocs::plain).toList();
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> ((JsonNumber) json).bigDecimalValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }

    private static Content json(Schema schema, Shown... examples) {
        org.eclipse.microprofile.openapi.models.media.MediaType media =
                OASFactory.createMediaType().schema(schema);
        for (Shown example : examples) {
            media.addExample(example.name(), OASFactory.createExample().value(example.value()));
        }
        return OASFactory.createContent().addMediaType(MediaType.APPLICATION_JSON, media);
    }
}
