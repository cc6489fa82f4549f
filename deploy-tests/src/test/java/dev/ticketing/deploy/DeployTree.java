package dev.ticketing.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository as the deployment sees it: deploy/openshift (base, base/secrets templates,
 * overlays) loaded with fabric8's Kubernetes and OpenShift models, and the service modules'
 * Containerfiles and Liberty server configuration.
 */
final class DeployTree {
    /** The six service modules: each has a Containerfile and a Deployment of the same name. */
    static final List<String> SERVICES =
            List.of(
                    "auth-service",
                    "catalog-service",
                    "order-service",
                    "payment-service",
                    "timer-service",
                    "ui-faces");

    /**
     * The public contract of docs/api.md ("Public contract": path prefix -> service). Hard-coded
     * because shared/ is not part of this repository; keep it equal to that table.
     */
    static final Map<String, String> PUBLIC_PATHS =
            Map.of(
                    "/api/users", "auth-service",
                    "/api/tickets", "catalog-service",
                    "/api/orders", "order-service",
                    "/api/payments", "payment-service",
                    "/api/payouts", "payment-service",
                    "/", "ui-faces");

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private DeployTree() {}

    /**
     * Whether a server whose WAR has {@code contextRoot} serves {@code path}: the root itself or a
     * path below it (payment-service serves /api/payments and /api/payouts under /api).
     */
    static boolean servedUnder(String path, String contextRoot) {
        String root = contextRoot.endsWith("/") ? contextRoot : contextRoot + "/";
        return path.equals(contextRoot) || path.startsWith(root);
    }

    static Path root() {
        String configured = System.getProperty("ticketing.root");
        Path start =
                configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/openshift"))) {
                return p;
            }
        }
        throw new IllegalStateException("no deploy/openshift above " + start);
    }

    static Path openshift() {
        return root().resolve("deploy/openshift");
    }

    static Path base() {
        return openshift().resolve("base");
    }

    static Path overlays() {
        return openshift().resolve("overlays");
    }

    static List<Path> overlayDirs() {
        try (Stream<Path> s = Files.list(overlays())) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> yamlFilesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-empty YAML documents of a file (comments-only documents dropped). */
    static List<String> documents(String text) {
        List<String> docs = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(text)) {
            boolean content =
                    doc.lines()
                            .map(String::strip)
                            .anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
            if (content) {
                docs.add(doc);
            }
        }
        return docs;
    }

    /**
     * Every document of a manifest file as a typed fabric8 resource. A kind no model knows, or a
     * field no model has (a typo such as readinesProbe), fails.
     */
    static List<HasMetadata> load(Path file) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String doc : documents(read(file))) {
            if (doc.contains("$patch")) {
                doc = withoutPatchDirectives(doc, file);
            }
            KubernetesResource r;
            try {
                r = SERIALIZATION.unmarshal(doc, KubernetesResource.class);
            } catch (RuntimeException e) {
                throw new AssertionError(
                        rel(file) + ": not a Kubernetes resource: " + e.getMessage(), e);
            }
            if (!(r instanceof HasMetadata h) || r instanceof GenericKubernetesResource) {
                throw new AssertionError(
                        rel(file)
                                + ": kind unknown to the Kubernetes/OpenShift models: "
                                + (r == null ? "null" : r.getClass().getName()));
            }
            List<String> unknown = new ArrayList<>();
            unknownFields(h, h.getKind(), unknown, new IdentityHashMap<>());
            if (!unknown.isEmpty()) {
                throw new AssertionError(
                        rel(file)
                                + ": fields the "
                                + h.getKind()
                                + " schema does not have: "
                                + unknown);
            }
            if (h.getMetadata() == null || h.getMetadata().getName() == null) {
                throw new AssertionError(
                        rel(file) + ": a " + h.getKind() + " without metadata.name");
            }
            resources.add(h);
        }
        return resources;
    }

    /**
     * A strategic-merge patch's "$patch: delete" entries are directives, not fields: they are
     * dropped before the patch is read as a resource (OverlaysTest checks what they delete).
     */
    private static String withoutPatchDirectives(String doc, Path file) {
        try {
            JsonNode tree = YAML.readTree(doc);
            strip(tree);
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new AssertionError(rel(file) + ": not YAML: " + e.getMessage(), e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove("$patch");
            o.forEach(DeployTree::strip);
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = a.size() - 1; i >= 0; i--) {
                if (a.get(i).has("$patch")) {
                    a.remove(i);
                } else {
                    strip(a.get(i));
                }
            }
        }
    }

    /**
     * fabric8 keeps fields its model lacks in additionalProperties: any there is a typo or a wrong
     * level.
     */
    private static void unknownFields(
            Object o, String where, List<String> unknown, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, where + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, where + "." + k, unknown, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object v;
            try {
                v = m.invoke(o);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String field =
                    where
                            + "."
                            + Character.toLowerCase(m.getName().charAt(3))
                            + m.getName().substring(4);
            if (m.getName().equals("getAdditionalProperties")) {
                // ConfigMap/Secret data are maps of strings, not additionalProperties.
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(where + "." + k));
                }
                continue;
            }
            if (v instanceof Collection<?>
                    || v instanceof Map<?, ?>
                    || (v != null && v.getClass().getName().startsWith("io.fabric8."))) {
                unknownFields(v, field, unknown, seen);
            }
        }
    }

    /** A YAML file as a plain tree (kustomizations, JSON 6902 patches). */
    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(rel(file) + ": not YAML: " + e.getMessage(), e);
        }
    }

    static String rel(Path p) {
        return root().relativize(p.toAbsolutePath()).toString();
    }

    /** base/kustomization.yaml's resources, loaded. */
    static List<HasMetadata> baseResources() {
        List<HasMetadata> all = new ArrayList<>();
        for (Path p : kustomizationResources(base())) {
            all.addAll(load(p));
        }
        return all;
    }

    /** The files a kustomization.yaml lists under resources (directories stay directories). */
    static List<Path> kustomizationResources(Path dir) {
        JsonNode k = tree(dir.resolve("kustomization.yaml"));
        List<Path> files = new ArrayList<>();
        k.path("resources").forEach(n -> files.add(dir.resolve(n.asText()).normalize()));
        return files;
    }

    /** The Secret templates of base/secrets, by name. */
    static Map<String, Secret> secretTemplates() {
        Map<String, Secret> secrets = new TreeMap<>();
        for (Path p : yamlFilesUnder(base().resolve("secrets"))) {
            for (HasMetadata h : load(p)) {
                assertTrue(
                        h instanceof Secret, rel(p) + " holds a " + h.getKind() + ", not a Secret");
                assertFalse(
                        secrets.containsKey(h.getMetadata().getName()),
                        "two templates of Secret " + h.getMetadata().getName());
                secrets.put(h.getMetadata().getName(), (Secret) h);
            }
        }
        return secrets;
    }

    static Set<String> secretKeys(Secret s) {
        Set<String> keys = new java.util.TreeSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return keys;
    }

    static Map<String, ConfigMap> configMaps(List<HasMetadata> resources) {
        return byName(resources, ConfigMap.class);
    }

    static <T extends HasMetadata> Map<String, T> byName(
            List<HasMetadata> resources, Class<T> type) {
        Map<String, T> map = new LinkedHashMap<>();
        for (HasMetadata h : resources) {
            if (type.isInstance(h)) {
                T previous = map.put(h.getMetadata().getName(), type.cast(h));
                if (previous != null) {
                    fail("two " + h.getKind() + "s named " + h.getMetadata().getName());
                }
            }
        }
        return map;
    }

    /**
     * Liberty and MicroProfile Config: property or variable a.b-c is read from the environment as
     * A_B_C.
     */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
