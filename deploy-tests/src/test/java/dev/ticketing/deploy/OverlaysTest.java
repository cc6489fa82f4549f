package dev.ticketing.deploy;

import static dev.ticketing.deploy.DeployTree.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.Route;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/openshift/overlays: local and production, on top of the base. */
class OverlaysTest {
    private static List<HasMetadata> base;
    private static Map<String, JsonNode> baseTrees;

    @BeforeAll
    static void load() {
        base = DeployTree.baseResources();
        baseTrees = new LinkedHashMap<>();
        for (Path p : DeployTree.kustomizationResources(DeployTree.base())) {
            for (String doc : DeployTree.documents(DeployTree.read(p))) {
                try {
                    JsonNode t = DeployTree.YAML.readTree(doc);
                    baseTrees.put(
                            t.path("kind").asText()
                                    + "/"
                                    + t.path("metadata").path("name").asText(),
                            t);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void thereAreALocalAndAProductionOverlay() {
        assertEquals(
                List.of("local", "production"),
                DeployTree.overlayDirs().stream().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void referencesOnlyWhatTheBaseAndTheOverlayHave(String overlay) {
        Path dir = DeployTree.overlays().resolve(overlay);
        JsonNode k = DeployTree.tree(dir.resolve("kustomization.yaml"));
        List<String> problems = new ArrayList<>();
        Set<Path> used = new TreeSet<>();
        used.add(dir.resolve("kustomization.yaml"));

        boolean hasBase = false;
        List<HasMetadata> own = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (p.equals(DeployTree.base())) {
                hasBase = true;
            } else if (Files.isRegularFile(p)) {
                own.addAll(DeployTree.load(p));
                used.add(p);
            } else {
                problems.add(overlay + ": resource " + r.asText() + " does not exist");
            }
        }
        assertTrue(hasBase, overlay + " builds on ../../base");

        Set<String> baseImages = new TreeSet<>();
        Workloads.podSpecs(base)
                .values()
                .forEach(s -> s.getContainers().forEach(c -> baseImages.add(c.getImage())));
        for (JsonNode image : k.path("images")) {
            if (!baseImages.contains(image.path("name").asText())) {
                problems.add(
                        overlay
                                + ": images names "
                                + image.path("name").asText()
                                + ", which no base container runs");
            }
        }
        Set<String> workloads = Workloads.podSpecs(base).keySet();
        for (JsonNode r : k.path("replicas")) {
            String name = r.path("name").asText();
            if (!workloads.contains("Deployment/" + name)
                    && !workloads.contains("StatefulSet/" + name)) {
                problems.add(
                        overlay + ": replicas for " + name + ", which the base does not deploy");
            }
        }
        for (JsonNode patch : k.path("patches")) {
            Path file = dir.resolve(patch.path("path").asText()).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add(
                        overlay + ": patch " + patch.path("path").asText() + " does not exist");
                continue;
            }
            used.add(file);
            JsonNode body = DeployTree.tree(file);
            List<JsonNode> targets = new ArrayList<>();
            if (patch.has("target")) {
                JsonNode t = patch.path("target");
                baseTrees.forEach(
                        (key, tree) -> {
                            if (tree.path("kind").asText().equals(t.path("kind").asText())
                                    && (!t.has("name")
                                            || tree.path("metadata")
                                                    .path("name")
                                                    .asText()
                                                    .equals(t.path("name").asText()))) {
                                targets.add(tree);
                            }
                        });
                if (targets.isEmpty()) {
                    problems.add(
                            overlay
                                    + ": patch "
                                    + file.getFileName()
                                    + " targets "
                                    + t
                                    + ", which matches nothing in the base");
                }
            }
            if (body.isArray()) {
                for (JsonNode target : targets) {
                    for (JsonNode op : body) {
                        String path = op.path("path").asText();
                        if (Set.of("replace", "remove", "test").contains(op.path("op").asText())
                                && target.at(path).isMissingNode()) {
                            problems.add(
                                    overlay
                                            + ": "
                                            + file.getFileName()
                                            + " "
                                            + op.path("op").asText()
                                            + "s "
                                            + path
                                            + ", which "
                                            + target.path("kind").asText()
                                            + "/"
                                            + target.path("metadata").path("name").asText()
                                            + " does not have");
                        }
                    }
                }
            } else {
                String key =
                        body.path("kind").asText()
                                + "/"
                                + body.path("metadata").path("name").asText();
                JsonNode target = baseTrees.get(key);
                if (target == null) {
                    problems.add(
                            overlay
                                    + ": "
                                    + file.getFileName()
                                    + " patches "
                                    + key
                                    + ", which the base does not have");
                    continue;
                }
                DeployTree.load(file); // a well-formed partial resource
                problems.addAll(deletions(overlay + ": " + file.getFileName(), body, target));
            }
        }
        // Every file of the overlay is used by its kustomization.
        for (Path p : DeployTree.yamlFilesUnder(dir)) {
            if (!used.contains(p.normalize())) {
                problems.add(
                        overlay
                                + ": "
                                + dir.relativize(p)
                                + " is not referenced by its kustomization.yaml");
            }
        }
        Workloads.assertNone(problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void generatedSecretsAreTheTemplatesSecrets(String overlay) {
        JsonNode k =
                DeployTree.tree(
                        DeployTree.overlays().resolve(overlay).resolve("kustomization.yaml"));
        Map<String, Secret> templates = DeployTree.secretTemplates();
        for (JsonNode g : k.path("secretGenerator")) {
            String name = g.path("name").asText();
            Secret template = templates.get(name);
            assertNotNull(
                    template,
                    overlay
                            + " generates Secret "
                            + name
                            + ", which base/secrets has no template of");
            Set<String> keys = new TreeSet<>();
            g.path("literals")
                    .forEach(l -> keys.add(l.asText().substring(0, l.asText().indexOf('='))));
            g.path("files")
                    .forEach(
                            f ->
                                    keys.add(
                                            f.asText().contains("=")
                                                    ? f.asText()
                                                            .substring(0, f.asText().indexOf('='))
                                                    : Path.of(f.asText())
                                                            .getFileName()
                                                            .toString()));
            assertEquals(
                    DeployTree.secretKeys(template),
                    keys,
                    overlay + ": Secret " + name + "'s keys vs its template");
        }
        if (k.path("secretGenerator").size() > 0) {
            assertTrue(
                    k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(),
                    overlay + ": generated Secrets keep the names the Deployments reference");
        }
    }

    @Test
    void localRunsOneOfEachServiceOnDevImages() {
        JsonNode k = overlay("local");
        assertEquals(
                replicas(k).keySet(),
                new TreeSet<>(SERVICES),
                "local sets the replicas of every service");
        replicas(k).forEach((name, count) -> assertEquals(1, count, "local: one " + name));
        k.path("images")
                .forEach(
                        i ->
                                assertEquals(
                                        "dev",
                                        i.path("newTag").asText(),
                                        "local image tag of " + i.path("name").asText()));
        assertEquals(SERVICES.size(), k.path("images").size(), "local sets every service's image");
    }

    @Test
    void productionReplicatesEveryServiceButTimerServiceAndPullsReleasedImages() {
        JsonNode k = overlay("production");
        Map<String, Integer> replicas = replicas(k);
        for (String svc : SERVICES) {
            int count = replicas.getOrDefault(svc, baseReplicas(svc));
            if (svc.equals("timer-service")) {
                assertEquals(
                        1, count, "production: timer-service must not scale (see its Deployment)");
            } else {
                assertTrue(
                        count >= 2,
                        "production: " + svc + " runs at least two replicas, not " + count);
            }
        }
        assertEquals(
                SERVICES.size(), k.path("images").size(), "production sets every service's image");
        for (JsonNode i : k.path("images")) {
            String name = i.path("newName").asText();
            String tag = i.path("newTag").asText();
            assertTrue(
                    name.substring(0, Math.max(0, name.indexOf('/'))).contains("."),
                    "production image " + name + " names its registry");
            assertFalse(
                    tag.isBlank() || tag.equals("latest") || tag.equals("dev"),
                    "production image tag " + tag + " is a release");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void resourcePatchesKeepRequestsAndLimits(String overlay) throws Exception {
        Path dir = DeployTree.overlays().resolve(overlay);
        for (JsonNode patch : overlay(overlay).path("patches")) {
            JsonNode body = DeployTree.tree(dir.resolve(patch.path("path").asText()));
            if (!body.isArray()) {
                continue;
            }
            for (JsonNode op : body) {
                if (op.path("path").asText().endsWith("/resources")) {
                    ResourceRequirements r =
                            DeployTree.YAML.treeToValue(
                                    op.path("value"), ResourceRequirements.class);
                    Workloads.assertResources(r, overlay + " " + patch.path("path").asText());
                }
            }
        }
    }

    /**
     * The overlays as the cluster receives them, rendered by kustomize (kubectl kustomize). Needs
     * kubectl on PATH: where there is none this test is reported as skipped, never as passed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void renderedOverlayIsConsistent(String overlay) throws Exception {
        List<HasMetadata> rendered = render(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, ConfigMap> configMaps = DeployTree.configMaps(rendered);
        Map<String, Secret> secrets = new TreeMap<>(DeployTree.byName(rendered, Secret.class));
        if (overlay.equals("production")) {
            // Production's Secrets are created out of band, exactly as the templates describe.
            assertTrue(secrets.isEmpty(), "production renders no Secret: " + secrets.keySet());
            secrets.putAll(DeployTree.secretTemplates());
        }
        Workloads.podSpecs(rendered)
                .forEach(
                        (where, spec) -> {
                            problems.addAll(
                                    Workloads.unresolvedReferences(
                                            overlay + " " + where,
                                            spec,
                                            configMaps,
                                            secrets,
                                            overlay.equals("local")));
                            spec.getContainers()
                                    .forEach(
                                            c ->
                                                    Workloads.assertResources(
                                                            c.getResources(),
                                                            overlay + " " + where));
                        });
        Workloads.assertNone(problems);

        Map<String, Deployment> deployments = DeployTree.byName(rendered, Deployment.class);
        assertEquals(
                new TreeSet<>(SERVICES), deployments.keySet(), overlay + " deploys every service");
        JsonNode k = overlay(overlay);
        Map<String, JsonNode> images = new TreeMap<>();
        k.path("images").forEach(i -> images.put(i.path("name").asText(), i));
        for (Deployment d : deployments.values()) {
            Container c = Workloads.serviceContainer(d);
            JsonNode image = images.get("ticketing/" + d.getMetadata().getName());
            assertNotNull(image, overlay + " sets the image of " + d.getMetadata().getName());
            assertEquals(
                    image.path("newName").asText() + ":" + image.path("newTag").asText(),
                    c.getImage(),
                    overlay + " " + d.getMetadata().getName() + " image");
            for (String path : List.of("/health/started", "/health/ready", "/health/live")) {
                assertTrue(
                        List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())
                                .stream()
                                .anyMatch(
                                        p ->
                                                p != null
                                                        && p.getHttpGet() != null
                                                        && path.equals(p.getHttpGet().getPath())),
                        overlay + " " + d.getMetadata().getName() + " still probes " + path);
            }
        }
        assertEquals(
                1,
                deployments.get("timer-service").getSpec().getReplicas(),
                overlay + ": one timer-service");
        assertEquals(
                3,
                DeployTree.byName(rendered, StatefulSet.class).get("nats").getSpec().getReplicas(),
                overlay + ": 3 NATS servers");
        Set<String> hosts = new TreeSet<>();
        DeployTree.byName(rendered, Route.class)
                .values()
                .forEach(r -> hosts.add(r.getSpec().getHost()));
        assertEquals(1, hosts.size(), overlay + ": one origin, " + hosts);
        assertFalse(hosts.contains("ticketing.apps.example.com"), overlay + " sets its own host");
        assertEquals(
                DeployTree.PUBLIC_PATHS.size(),
                DeployTree.byName(rendered, Route.class).size(),
                overlay + " Routes");
    }

    // ---------------------------------------------------------------------------------------

    private static JsonNode overlay(String name) {
        return DeployTree.tree(DeployTree.overlays().resolve(name).resolve("kustomization.yaml"));
    }

    private static Map<String, Integer> replicas(JsonNode k) {
        Map<String, Integer> r = new TreeMap<>();
        k.path("replicas").forEach(n -> r.put(n.path("name").asText(), n.path("count").asInt()));
        return r;
    }

    private static int baseReplicas(String svc) {
        return DeployTree.byName(base, Deployment.class).get(svc).getSpec().getReplicas();
    }

    /**
     * "$patch: delete" entries must name something the base has: else the patch silently does
     * nothing.
     */
    private static List<String> deletions(String where, JsonNode patch, JsonNode target) {
        List<String> problems = new ArrayList<>();
        walk(where, patch, target, "", problems);
        return problems;
    }

    private static void walk(
            String where, JsonNode patch, JsonNode target, String path, List<String> problems) {
        if (patch.isObject()) {
            patch.fields()
                    .forEachRemaining(
                            f -> {
                                if (!f.getKey().startsWith("$")) {
                                    walk(
                                            where,
                                            f.getValue(),
                                            target == null ? null : target.get(f.getKey()),
                                            path + "/" + f.getKey(),
                                            problems);
                                }
                            });
        } else if (patch.isArray()) {
            for (JsonNode item : patch) {
                JsonNode match = null;
                String key = item.has("name") ? "name" : item.has("mountPath") ? "mountPath" : null;
                if (key != null && target != null && target.isArray()) {
                    for (JsonNode t : target) {
                        if (t.path(key).asText().equals(item.path(key).asText())) {
                            match = t;
                        }
                    }
                }
                if ("delete".equals(item.path("$patch").asText()) && match == null) {
                    problems.add(
                            where
                                    + " deletes "
                                    + path
                                    + "["
                                    + key
                                    + "="
                                    + item.path(key).asText()
                                    + "], which the base does not have");
                }
                walk(
                        where,
                        item,
                        match,
                        path + "[" + (key == null ? "?" : item.path(key).asText()) + "]",
                        problems);
            }
        }
    }

    private static List<HasMetadata> render(String overlay) throws Exception {
        String kubectl = onPath("kubectl");
        Assumptions.assumeTrue(
                kubectl != null,
                "kubectl is not on PATH: rendering the " + overlay + " overlay is skipped");
        Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
        try {
            Process p =
                    new ProcessBuilder(
                                    kubectl,
                                    "kustomize",
                                    DeployTree.overlays().resolve(overlay).toString())
                            .redirectErrorStream(false)
                            .redirectOutput(out.toFile())
                            .redirectError(ProcessBuilder.Redirect.PIPE)
                            .start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(
                    p.waitFor(120, TimeUnit.SECONDS), "kubectl kustomize " + overlay + " finished");
            assertEquals(0, p.exitValue(), "kubectl kustomize " + overlay + ": " + err);
            return DeployTree.load(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
