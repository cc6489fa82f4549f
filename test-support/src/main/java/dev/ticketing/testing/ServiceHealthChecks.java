package dev.ticketing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Assertions on a running service's MicroProfile Health and OpenAPI endpoints. */
public final class ServiceHealthChecks {
    private static final HttpApi HTTP = new HttpApi();
    private static final String JSON = "application/json";
    private static final Pattern REF = Pattern.compile("#/components/(\\w+)/([\\w.-]+)");
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ServiceHealthChecks() {}

    /**
     * /health/ready answers 200 UP and contains an UP check with the given name, which it returns
     * (its data names each dependency's state).
     */
    public static JsonObject assertReady(String checkName) {
        HttpApi.Reply reply = HTTP.get(ServiceUnderTest.operatorUrl(checkName, "/health/ready"));
        assertEquals(200, reply.status(), "readiness: " + reply.body());
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"), reply.body());
        List<JsonObject> named =
                readinessChecks(health).stream()
                        .filter(c -> checkName.equals(c.getString("name")))
                        .toList();
        assertEquals(
                1, named.size(), "one readiness check named " + checkName + ": " + reply.body());
        assertEquals("UP", named.get(0).getString("status"), reply.body());
        return named.get(0);
    }

    /**
     * /health/ready answers UP with {@code checkName}'s check, whose data names {@code dependency}
     * UP among what the service's readiness waits for.
     */
    public static void assertReadyWaitingFor(String checkName, String dependency) {
        JsonObject check = assertReady(checkName);
        assertEquals(
                "UP",
                check.getJsonObject("data").getString(dependency, null),
                dependency + " in " + check);
    }

    /**
     * The names of every readiness check that {@code service}'s server reports, in its order: the
     * platform server's hold every application's, a server of its own only that service's.
     */
    public static List<String> readinessCheckNames(String service) {
        HttpApi.Reply reply = HTTP.get(ServiceUnderTest.operatorUrl(service, "/health/ready"));
        return readinessChecks(reply.json()).stream().map(c -> c.getString("name")).toList();
    }

    private static List<JsonObject> readinessChecks(JsonObject health) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject).toList();
    }

    /** /openapi serves a document (JSON) whose info.title is the given title. */
    public static void assertOpenApiTitle(String title) {
        HttpApi.Reply reply =
                HTTP.get(
                        ServiceUnderTest.operatorUrl("/openapi?format=JSON"),
                        "Accept",
                        "application/json");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(
                reply.body().contains(title),
                "OpenAPI document does not name " + title + ": " + reply.body());
    }

    /**
     * Every operation in /openapi has a JSON example for its request body (when it takes one) and
     * for every response that declares content (a 204 declares none; an error status must); every
     * example is JSON, and every example of a 4xx or 5xx is the error envelope. Every {@code $ref}
     * resolves; every schema a response or body names has properties (a record the scanner cannot
     * see through shows as a bare object); no operation keeps a response the scanner made up (a
     * bare "OK" beside the route's own success). Fails listing all gaps at once.
     */
    public static void assertEveryResponseHasAnExample() {
        JsonObject document = openApi();
        JsonObject paths = document.getJsonObject("paths");
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (String method : METHODS) {
                JsonObject operation = path.getValue().asJsonObject().getJsonObject(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                JsonObject body = resolve(document, operation.getJsonObject("requestBody"));
                if (body != null) {
                    checkExamples(name + " request body", body, false, gaps);
                    checkSchema(document, name + " request body", body, gaps);
                }
                JsonObject responses = operation.getJsonObject("responses");
                if (responses == null || responses.isEmpty()) {
                    gaps.add(name + ": no responses");
                    continue;
                }
                responses.forEach(
                        (status, declared) -> {
                            JsonObject response = resolve(document, declared.asJsonObject());
                            if (response == null) {
                                gaps.add(name + " " + status + ": unresolved " + declared);
                                return;
                            }
                            JsonObject content = response.getJsonObject("content");
                            boolean error = status.startsWith("4") || status.startsWith("5");
                            if (!declared.asJsonObject().containsKey("$ref")
                                    && response.getJsonObject("content") == null
                                    && "OK".equals(response.getString("description", ""))) {
                                gaps.add(name + " " + status + ": a bare OK the route never sends");
                            }
                            checkSchema(document, name + " " + status, response, gaps);
                            if (content != null && !content.isEmpty()) {
                                checkExamples(name + " " + status, response, error, gaps);
                            } else if (error) {
                                gaps.add(
                                        name
                                                + " "
                                                + status
                                                + ": no content, but every error answers with the envelope");
                            }
                        });
            }
        }
        assertTrue(operations > 0, "the OpenAPI document has no operations: " + paths);
        Matcher refs = REF.matcher(document.toString());
        while (refs.find()) {
            JsonObject kind = components(document).getJsonObject(refs.group(1));
            if (kind == null || !kind.containsKey(refs.group(2))) {
                gaps.add("unresolved " + refs.group());
            }
        }
        assertTrue(
                gaps.isEmpty(),
                gaps.size() + " gap(s) in the OpenAPI examples:\n" + String.join("\n", gaps));
    }

    /** {@code holder} itself, or the component its {@code $ref} names (null if none). */
    private static JsonObject resolve(JsonObject document, JsonObject holder) {
        String ref = holder == null ? null : holder.getString("$ref", null);
        if (ref == null) {
            return holder;
        }
        Matcher named = REF.matcher(ref);
        if (!named.matches()) {
            return null;
        }
        JsonObject kind = components(document).getJsonObject(named.group(1));
        return kind == null ? null : kind.getJsonObject(named.group(2));
    }

    private static JsonObject components(JsonObject document) {
        JsonObject components = document.getJsonObject("components");
        return components == null ? JsonValue.EMPTY_JSON_OBJECT : components;
    }

    /** A JSON schema {@code holder} names (itself or as array items) lists its properties. */
    private static void checkSchema(
            JsonObject document, String what, JsonObject holder, List<String> gaps) {
        JsonObject content = holder.getJsonObject("content");
        JsonObject media = content == null ? null : content.getJsonObject(JSON);
        JsonObject schema = media == null ? null : media.getJsonObject("schema");
        if (schema == null) {
            return;
        }
        if (schema.containsKey("items")) {
            schema = schema.getJsonObject("items");
        }
        String ref = schema.getString("$ref", null);
        JsonObject named = resolve(document, schema);
        if (ref != null
                && named != null
                && "object".equals(named.getString("type", "object"))
                && !named.containsKey("properties")) {
            gaps.add(what + ": schema " + ref + " has no properties");
        }
    }

    private static JsonObject openApi() {
        HttpApi.Reply reply =
                HTTP.get(ServiceUnderTest.operatorUrl("/openapi?format=JSON"), "Accept", JSON);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Content that is only raw bytes of named types (a ticket file), each a binary string. */
    private static boolean isFile(JsonObject content) {
        return content != null
                && !content.isEmpty()
                && content.values().stream()
                        .map(JsonValue::asJsonObject)
                        .allMatch(
                                media ->
                                        media.getJsonObject("schema") != null
                                                && "binary"
                                                        .equals(
                                                                media.getJsonObject("schema")
                                                                        .getString("format", "")))
                && content.keySet().stream().noneMatch(t -> t.contains("*") || t.contains("json"));
    }

    /**
     * {@code holder} (a request body or a response) has application/json content with examples that
     * fit.
     */
    private static void checkExamples(
            String what, JsonObject holder, boolean errorStatus, List<String> gaps) {
        JsonObject content = holder.getJsonObject("content");
        JsonObject media = content == null ? null : content.getJsonObject(JSON);
        if (media == null && !errorStatus && isFile(content)) {
            return; // a file's bytes: no JSON example can show them
        }
        if (media == null) {
            gaps.add(
                    what
                            + ": no "
                            + JSON
                            + " content (has "
                            + (content == null ? "none" : content.keySet())
                            + ")");
            return;
        }
        List<JsonValue> examples = new ArrayList<>();
        if (media.containsKey("example")) {
            examples.add(media.get("example"));
        }
        JsonObject named = media.getJsonObject("examples");
        if (named != null) {
            named.values().forEach(e -> examples.add(e.asJsonObject().get("value")));
        }
        if (examples.isEmpty()) {
            gaps.add(what + ": no JSON example");
        }
        for (JsonValue example : examples) {
            JsonValue json = asJson(example);
            if (json == null) {
                gaps.add(what + ": example is not JSON: " + example);
            } else if (errorStatus && !isErrorEnvelope(json)) {
                gaps.add(
                        what
                                + ": example is not the error envelope {\"errors\":[{\"message\"...}]}: "
                                + json);
            }
        }
    }

    /**
     * The example as JSON: as the document holds it, or parsed when it is a string; null when it is
     * neither.
     */
    private static JsonValue asJson(JsonValue example) {
        if (example == null || example.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (example instanceof JsonString text) {
            try (JsonReader reader = Json.createReader(new StringReader(text.getString()))) {
                return reader.readValue();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return example;
    }

    private static boolean isErrorEnvelope(JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        JsonValue errors = json.asJsonObject().get("errors");
        if (!(errors instanceof JsonArray list) || list.isEmpty()) {
            return false;
        }
        return list.stream()
                .allMatch(
                        e ->
                                e.getValueType() == JsonValue.ValueType.OBJECT
                                        && e.asJsonObject().get("message") instanceof JsonString);
    }
}
