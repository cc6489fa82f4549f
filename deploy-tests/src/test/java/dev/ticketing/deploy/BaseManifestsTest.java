package dev.ticketing.deploy;

import static dev.ticketing.deploy.DeployTree.PUBLIC_PATHS;
import static dev.ticketing.deploy.DeployTree.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.Route;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/openshift/base: what every overlay deploys. */
class BaseManifestsTest {
    /**
     * What base.xml serves where, as deploy/Containerfile sets it: the apps, and the operator
     * routes.
     */
    static final int PUBLIC_PORT = 9080;

    static final int OPERATOR_PORT = 9090;

    /**
     * Fragments whose settings a service must be given in the cluster, when its server includes
     * them.
     */
    private static final Map<String, List<String>> REQUIRED_BY_FRAGMENT =
            Map.of(
                    "messaging.xml", List.of("nats.url"),
                    "jwt-verify.xml", List.of("jwt.issuer", "jwt.audience", "jwt.jwks.uri"),
                    "jwt-build.xml",
                            List.of(
                                    "jwt.issuer",
                                    "jwt.audience",
                                    "jwt.keystore.location",
                                    "jwt.keystore.password",
                                    "jwt.key.alias"),
                    "timers.xml", List.of("timers.db.url", "timers.db.user", "timers.db.password"));

    /**
     * The fragment a service owns (its description names it) and may be configured for before
     * including it.
     */
    private static final Map<String, String> FRAGMENT_OWNER =
            Map.of(
                    "jwt-build.xml", "auth-service",
                    "timers.xml", "timer-service");

    /**
     * Settings the applications read through MicroProfile Config that no server.xml declares: the
     * platform's contract (README.md settings table, docs/api.md), per service.
     * TICKETING_STREAM_REPLICAS (ticketing.stream.replicas) is the stream's replication on the
     * 3-server cluster, which each messaging service maps to
     * mp.messaging.connector.nats-jetstream.replicas; PAYMENTS_MODE (payments.mode) keeps
     * production from simulating payments.
     */
    private static final Map<String, Set<String>> APP_SETTINGS =
            Map.of(
                    "auth-service", Set.of("MONGODB_URL"),
                    "catalog-service",
                            Set.of("MONGODB_URL", "TICKETING_STREAM", "TICKETING_STREAM_REPLICAS"),
                    "order-service",
                            Set.of(
                                    "MONGODB_URL",
                                    "TICKETING_STREAM",
                                    "TICKETING_STREAM_REPLICAS",
                                    "ORDER_EXPIRATION_SECONDS"),
                    "payment-service",
                            Set.of(
                                    "MONGODB_URL",
                                    "TICKETING_STREAM",
                                    "TICKETING_STREAM_REPLICAS",
                                    "STRIPE_SECRET_KEY",
                                    "STRIPE_PUBLISHABLE_KEY",
                                    "STRIPE_WEBHOOK_SECRET",
                                    "PAYMENTS_MODE"),
                    "timer-service", Set.of("TICKETING_STREAM", "TICKETING_STREAM_REPLICAS"),
                    "ui-faces", Set.of("STRIPE_PUBLISHABLE_KEY"));

    /** Read by Liberty's launcher (bin/server), not by the configuration. */
    private static final Set<String> LAUNCHER_SETTINGS = Set.of("JVM_ARGS");

    private static List<HasMetadata> base;
    private static Map<String, Deployment> deployments;
    private static Map<String, Service> services;
    private static Map<String, ConfigMap> configMaps;
    private static Map<String, Secret> secrets;

    @BeforeAll
    static void load() {
        base = DeployTree.baseResources();
        deployments = DeployTree.byName(base, Deployment.class);
        services = DeployTree.byName(base, Service.class);
        configMaps = DeployTree.configMaps(base);
        secrets = DeployTree.secretTemplates();
    }

    @Test
    void everyManifestUnderDeployOpenshiftLoadsWithTheModels() {
        int resources = 0;
        int kustomizations = 0;
        int jsonPatches = 0;
        for (Path file : DeployTree.yamlFilesUnder(DeployTree.openshift())) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                JsonNode k = DeployTree.tree(file);
                assertEquals("Kustomization", k.path("kind").asText(), DeployTree.rel(file));
                assertEquals(
                        "kustomize.config.k8s.io/v1beta1",
                        k.path("apiVersion").asText(),
                        DeployTree.rel(file));
                kustomizations++;
                continue;
            }
            JsonNode tree = DeployTree.tree(file);
            if (tree.isArray()) {
                for (JsonNode op : tree) {
                    assertTrue(
                            Set.of("add", "remove", "replace", "move", "copy", "test")
                                    .contains(op.path("op").asText()),
                            DeployTree.rel(file) + ": a JSON 6902 patch operation needs op: " + op);
                    assertTrue(
                            op.path("path").asText().startsWith("/"),
                            DeployTree.rel(file) + ": path " + op.path("path"));
                }
                jsonPatches++;
                continue;
            }
            resources += DeployTree.load(file).size();
        }
        assertEquals(
                1 + DeployTree.overlayDirs().size(),
                kustomizations,
                "a kustomization in base and in each overlay");
        assertTrue(resources >= 30, "resources loaded: " + resources);
        assertTrue(jsonPatches >= 2, "JSON patches loaded: " + jsonPatches);
    }

    @Test
    void theBaseKustomizationListsEveryManifestOfTheBaseButTheSecretTemplates() {
        Set<Path> listed = new HashSet<>(DeployTree.kustomizationResources(DeployTree.base()));
        Set<Path> files =
                DeployTree.yamlFilesUnder(DeployTree.base()).stream()
                        .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                        .filter(p -> !p.startsWith(DeployTree.base().resolve("secrets")))
                        .map(Path::normalize)
                        .collect(Collectors.toSet());
        assertEquals(
                new TreeSet<>(files.stream().map(DeployTree::rel).toList()),
                new TreeSet<>(listed.stream().map(DeployTree::rel).toList()),
                "base/kustomization.yaml resources vs the files in base/ (secrets/ holds templates only)");
        assertFalse(
                base.stream().anyMatch(h -> h instanceof Secret),
                "no Secret is applied from git: base/secrets holds templates");
    }

    @Test
    void eachServiceHasADeploymentAServiceAndAConfigMap() {
        assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(deployments.keySet()), "Deployments");
        for (String svc : SERVICES) {
            assertTrue(services.containsKey(svc), "Service " + svc);
            assertTrue(configMaps.containsKey(svc + "-config"), "ConfigMap " + svc + "-config");
        }
    }

    @Test
    void probesPointAtTheHealthEndpointsOnTheOperatorPort() {
        for (String svc : SERVICES) {
            Container c = Workloads.serviceContainer(deployments.get(svc));
            String where = "Deployment " + svc;
            ContainerPort started =
                    Workloads.httpProbe(
                            c, c.getStartupProbe(), "startup", "/health/started", where);
            ContainerPort ready =
                    Workloads.httpProbe(
                            c, c.getReadinessProbe(), "readiness", "/health/ready", where);
            ContainerPort live =
                    Workloads.httpProbe(c, c.getLivenessProbe(), "liveness", "/health/live", where);
            List<Integer> exposed = Containerfile.of(svc).exposedPorts();
            assertEquals(
                    List.of(PUBLIC_PORT, OPERATOR_PORT),
                    exposed,
                    "deploy/Containerfile EXPOSE (" + svc + "): public, operator");
            for (ContainerPort p : List.of(started, ready, live)) {
                assertEquals(
                        OPERATOR_PORT,
                        p.getContainerPort(),
                        where + ": probes use the operator port (health is not public)");
                assertEquals("operator", p.getName(), where);
            }
            // Liveness must not fire while the server is still starting.
            assertTrue(
                    c.getStartupProbe().getFailureThreshold()
                                    * c.getStartupProbe().getPeriodSeconds()
                            >= 120,
                    where
                            + ": the startup probe allows at least 2 minutes (six JVMs start slowly on a busy node)");
        }
    }

    /**
     * Only the cluster's own network may name a client in X-Forwarded-For (docs/api.md,
     * "Hardening").
     */
    @Test
    void forwardedHeadersAreBelievedFromTheClusterNetworkOnly() {
        String proxies = configMaps.get("ticketing-platform").getData().get("TRUSTED_PROXIES");
        assertNotNull(proxies, "TRUSTED_PROXIES in the platform ConfigMap");
        Pattern trusted = Pattern.compile(proxies);
        assertTrue(
                trusted.matcher("10.128.2.17").matches(), "a pod of the default cluster network");
        assertTrue(
                trusted.matcher("10.131.255.1").matches(),
                "the last /14 of the default cluster network");
        for (String outsider :
                List.of("10.132.0.1", "127.0.0.1", "192.168.1.10", "203.0.113.7", "110.128.2.17")) {
            assertFalse(trusted.matcher(outsider).matches(), outsider + " is no proxy of ours");
        }
        for (String svc : List.of("auth-service", "ui-faces")) {
            assertTrue(
                    Workloads.serviceContainer(deployments.get(svc)).getEnv().stream()
                            .anyMatch(e -> e.getName().equals("TRUSTED_PROXIES")),
                    svc + " reads TRUSTED_PROXIES");
        }
    }

    @Test
    void everyConfigMapAndSecretKeyADeploymentReadsIsDeclared() {
        List<String> problems = new ArrayList<>();
        Workloads.podSpecs(base)
                .forEach(
                        (where, spec) ->
                                problems.addAll(
                                        Workloads.unresolvedReferences(
                                                where, spec, configMaps, secrets, false)));
        Workloads.assertNone(problems);
    }

    @Test
    void everySecretTemplateIsUsedAndEveryKeyOfItIsRead() {
        Map<String, Set<String>> read = new TreeMap<>();
        Workloads.podSpecs(base)
                .values()
                .forEach(
                        spec -> {
                            spec.getContainers()
                                    .forEach(
                                            c ->
                                                    (c.getEnv() == null
                                                                    ? List.<EnvVar>of()
                                                                    : c.getEnv())
                                                            .stream()
                                                                    .filter(
                                                                            e ->
                                                                                    e.getValueFrom()
                                                                                                    != null
                                                                                            && e.getValueFrom()
                                                                                                            .getSecretKeyRef()
                                                                                                    != null)
                                                                    .forEach(
                                                                            e ->
                                                                                    read.computeIfAbsent(
                                                                                                    e.getValueFrom()
                                                                                                            .getSecretKeyRef()
                                                                                                            .getName(),
                                                                                                    k ->
                                                                                                            new TreeSet<>())
                                                                                            .add(
                                                                                                    e.getValueFrom()
                                                                                                            .getSecretKeyRef()
                                                                                                            .getKey())));
                            (spec.getVolumes() == null
                                            ? List.<io.fabric8.kubernetes.api.model.Volume>of()
                                            : spec.getVolumes())
                                    .stream()
                                            .filter(
                                                    v ->
                                                            v.getSecret() != null
                                                                    && v.getSecret().getItems()
                                                                            != null)
                                            .forEach(
                                                    v ->
                                                            v.getSecret()
                                                                    .getItems()
                                                                    .forEach(
                                                                            i ->
                                                                                    read.computeIfAbsent(
                                                                                                    v.getSecret()
                                                                                                            .getSecretName(),
                                                                                                    k ->
                                                                                                            new TreeSet<>())
                                                                                            .add(
                                                                                                    i
                                                                                                            .getKey())));
                        });
        Map<String, Set<String>> declared = new TreeMap<>();
        secrets.forEach((name, s) -> declared.put(name, DeployTree.secretKeys(s)));
        assertEquals(
                declared, read, "Secret templates (base/secrets) vs the keys the Deployments read");
    }

    @Test
    void envVarsAreSettingsTheServicesActuallyRead() {
        List<String> problems = new ArrayList<>();
        for (String svc : SERVICES) {
            LibertyServer server = LibertyServer.of(svc);
            Set<String> allowed = new TreeSet<>(server.variableEnvNames());
            server.appConfigNames().forEach(n -> allowed.add(DeployTree.envName(n)));
            allowed.addAll(APP_SETTINGS.get(svc));
            allowed.addAll(LAUNCHER_SETTINGS);
            FRAGMENT_OWNER.forEach(
                    (fragment, owner) -> {
                        if (owner.equals(svc)) {
                            LibertyServer.fragmentVariables(fragment)
                                    .keySet()
                                    .forEach(v -> allowed.add(DeployTree.envName(v)));
                        }
                    });
            Set<String> set = envNames(deployments.get(svc));
            for (String name : set) {
                if (!allowed.contains(name)) {
                    problems.add(
                            svc
                                    + " sets "
                                    + name
                                    + ", which neither its Liberty configuration ("
                                    + server.includedFragments()
                                    + ", server.xml), nor its microprofile-config.properties, nor the "
                                    + "platform settings read");
                }
            }
            Set<String> required = new TreeSet<>(APP_SETTINGS.get(svc));
            REQUIRED_BY_FRAGMENT.forEach(
                    (fragment, variables) -> {
                        if (server.includes(fragment)) {
                            Map<String, String> defined = LibertyServer.fragmentVariables(fragment);
                            for (String v : variables) {
                                if (!defined.containsKey(v)) {
                                    problems.add(
                                            fragment
                                                    + " no longer defines variable "
                                                    + v
                                                    + " (update the manifests and this test)");
                                }
                                required.add(DeployTree.envName(v));
                            }
                        }
                    });
            required.removeAll(set);
            if (!required.isEmpty()) {
                problems.add(
                        svc
                                + " (including "
                                + server.includedFragments()
                                + ") is not given "
                                + required);
            }
        }
        Workloads.assertNone(problems);
    }

    /**
     * A default that names this machine (127.0.0.1, localhost) is right on a laptop and wrong in a
     * pod: every such Liberty variable and application property of a service must be set by its
     * Deployment or its image, unless it only feeds properties that are themselves set (the
     * storefront's ticketing.api.url feeds the four Rest Client URIs).
     */
    @Test
    void noLoopbackDefaultIsLeftInTheCluster() {
        Pattern loopback = Pattern.compile("127\\.0\\.0\\.1|localhost");
        List<String> problems = new ArrayList<>();
        for (String svc : SERVICES) {
            LibertyServer server = LibertyServer.of(svc);
            Set<String> set = envNames(deployments.get(svc));
            set.addAll(Containerfile.of(svc).env().keySet());
            Map<String, String> settings = new LinkedHashMap<>(server.variables());
            settings.putAll(server.appConfig());
            for (var e : settings.entrySet()) {
                String name = e.getKey();
                if (!loopback.matcher(LibertyServer.literalPart(e.getValue())).find()
                        || set.contains(DeployTree.envName(name))) {
                    continue;
                }
                List<String> readers =
                        settings.entrySet().stream()
                                .filter(r -> LibertyServer.references(r.getValue()).contains(name))
                                .map(Map.Entry::getKey)
                                .toList();
                boolean fed =
                        !readers.isEmpty()
                                && readers.stream()
                                        .allMatch(r -> set.contains(DeployTree.envName(r)));
                if (!fed) {
                    problems.add(
                            svc
                                    + ": "
                                    + name
                                    + " = "
                                    + e.getValue()
                                    + " names the pod itself; set "
                                    + DeployTree.envName(name)
                                    + (readers.isEmpty()
                                            ? ""
                                            : " (or every one of " + readers + ")"));
                }
            }
        }
        Workloads.assertNone(problems);
    }

    @Test
    void theStorefrontCallsEachApiAtTheServiceThatServesIt() {
        LibertyServer storefront = LibertyServer.of("ui-faces");
        Map<String, String> values = new TreeMap<>();
        for (EnvVar e : env(deployments.get("ui-faces"))) {
            var ref = e.getValueFrom() == null ? null : e.getValueFrom().getConfigMapKeyRef();
            values.put(
                    e.getName(),
                    e.getValue() != null
                            ? e.getValue()
                            : ref == null
                                    ? null
                                    : configMaps.get(ref.getName()).getData().get(ref.getKey()));
        }
        List<String> clients =
                storefront.appConfig().keySet().stream()
                        .filter(k -> k.endsWith("/mp-rest/uri"))
                        .toList();
        assertFalse(
                clients.isEmpty(),
                "ui-faces configures its Rest Clients in microprofile-config.properties");
        for (String client : clients) {
            String value = values.get(DeployTree.envName(client));
            assertNotNull(
                    value,
                    "ui-faces: "
                            + client
                            + " is set for the cluster ("
                            + DeployTree.envName(client)
                            + ")");
            URI uri = URI.create(value);
            Service s = services.get(uri.getHost());
            assertNotNull(
                    s, client + " = " + value + ": " + uri.getHost() + " is a Service of the base");
            assertTrue(
                    s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == uri.getPort()),
                    client + ": port " + uri.getPort());
            String target = s.getSpec().getSelector().get("app.kubernetes.io/name");
            assertEquals(
                    PUBLIC_PATHS.get(uri.getPath()),
                    target,
                    client
                            + " = "
                            + value
                            + ": the service docs/api.md routes "
                            + uri.getPath()
                            + " to");
            String root = LibertyServer.of(target).contextRoot();
            assertTrue(
                    DeployTree.servedUnder(uri.getPath(), root),
                    client + ": " + uri.getPath() + " under " + target + "'s context root " + root);
        }
    }

    @Test
    void signerAndVerifiersShareOneIssuerAndAudience() {
        for (String setting : List.of("JWT_ISSUER", "JWT_AUDIENCE")) {
            Set<String> sources = new TreeSet<>();
            int readers = 0;
            for (Deployment d : deployments.values()) {
                for (EnvVar e : env(d)) {
                    if (e.getName().equals(setting)) {
                        readers++;
                        var ref =
                                e.getValueFrom() == null
                                        ? null
                                        : e.getValueFrom().getConfigMapKeyRef();
                        assertNotNull(
                                ref,
                                d.getMetadata().getName()
                                        + " "
                                        + setting
                                        + " comes from the shared ConfigMap");
                        sources.add(ref.getName() + "/" + ref.getKey());
                    }
                }
            }
            assertEquals(
                    4,
                    readers,
                    setting + ": auth-service signs, catalog, order and payment verify");
            assertEquals(1, sources.size(), setting + " from one ConfigMap key: " + sources);
        }
    }

    @Test
    void theJwksUriAndNatsUrlNameServicesOfTheBase() {
        Map<String, String> platform = configMaps.get("ticketing-platform").getData();
        // JWKS: auth-service's Service, its port, Liberty's path for the builder id of
        // jwt-build.xml.
        URI jwks = URI.create(platform.get("JWT_JWKS_URI"));
        Service auth = services.get(jwks.getHost());
        assertNotNull(auth, "JWT_JWKS_URI host " + jwks.getHost() + " is a Service of the base");
        assertEquals(
                "auth-service",
                auth.getSpec().getSelector().get("app.kubernetes.io/name"),
                "JWKS from auth-service");
        assertTrue(
                auth.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == jwks.getPort()),
                "JWKS port " + jwks.getPort());
        String builderId = LibertyServer.fragmentVariables("jwt-build.xml").get("jwt.builder.id");
        assertEquals(
                "/jwt/ibm/api/" + builderId + "/jwk",
                jwks.getPath(),
                "Liberty serves the JWKS of jwtBuilder " + builderId);
        // NATS: every URL names a Service that selects the NATS StatefulSet, on its client port.
        StatefulSet nats = DeployTree.byName(base, StatefulSet.class).get("nats");
        for (String url : platform.get("NATS_URL").split(",")) {
            URI u = URI.create(url.strip());
            assertEquals("nats", u.getScheme(), url);
            Service s = services.get(u.getHost());
            assertNotNull(s, "NATS_URL host " + u.getHost() + " is a Service");
            assertTrue(
                    nats.getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(s.getSpec().getSelector().entrySet()),
                    "Service " + s.getMetadata().getName() + " selects NATS");
            ServicePort port =
                    s.getSpec().getPorts().stream()
                            .filter(p -> p.getPort() == u.getPort())
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "NATS_URL port "
                                                            + u.getPort()
                                                            + " not on Service "
                                                            + u.getHost()));
            ContainerPort target =
                    Workloads.port(
                            nats.getSpec().getTemplate().getSpec().getContainers().get(0),
                            port.getTargetPort(),
                            "Service " + s.getMetadata().getName());
            assertEquals(4222, target.getContainerPort(), "NATS client port");
        }
    }

    @Test
    void routesCoverExactlyThePublicPathsOfApiMd() {
        Map<String, Route> routes = DeployTree.byName(base, Route.class);
        Map<String, String> covered = new TreeMap<>();
        Set<String> hosts = new TreeSet<>();
        for (Route r : routes.values()) {
            String path = r.getSpec().getPath() == null ? "/" : r.getSpec().getPath();
            String previous = covered.put(path, r.getSpec().getTo().getName());
            assertEquals(null, previous, "two Routes for " + path);
            hosts.add(r.getSpec().getHost());
            assertEquals(
                    "Service",
                    r.getSpec().getTo().getKind(),
                    "Route " + r.getMetadata().getName() + " targets a Service");
            assertTrue(
                    r.getSpec().getAlternateBackends() == null
                            || r.getSpec().getAlternateBackends().isEmpty(),
                    "Route " + r.getMetadata().getName() + ": one backend");
            assertNotNull(
                    r.getSpec().getTls(), "Route " + r.getMetadata().getName() + " serves HTTPS");
            assertEquals(
                    "edge",
                    r.getSpec().getTls().getTermination(),
                    "Route " + r.getMetadata().getName());
            assertEquals(
                    "Redirect",
                    r.getSpec().getTls().getInsecureEdgeTerminationPolicy(),
                    "Route " + r.getMetadata().getName());

            // The Route's port is a port of its Service, which targets the container port the image
            // exposes.
            Service s = services.get(r.getSpec().getTo().getName());
            assertNotNull(
                    s,
                    "Route "
                            + r.getMetadata().getName()
                            + " -> Service "
                            + r.getSpec().getTo().getName());
            assertNotNull(
                    r.getSpec().getPort(),
                    "Route " + r.getMetadata().getName() + " names its target port");
            var target = r.getSpec().getPort().getTargetPort();
            ServicePort sp =
                    s.getSpec().getPorts().stream()
                            .filter(
                                    p ->
                                            target.getStrVal() != null
                                                    ? target.getStrVal().equals(p.getName())
                                                    : target.getIntVal().equals(p.getPort()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "Route "
                                                            + r.getMetadata().getName()
                                                            + " port "
                                                            + target
                                                            + " is not a port of Service "
                                                            + s.getMetadata().getName()));
            String svc = s.getSpec().getSelector().get("app.kubernetes.io/name");
            Container c = Workloads.serviceContainer(deployments.get(svc));
            ContainerPort cp =
                    Workloads.port(c, sp.getTargetPort(), "Service " + s.getMetadata().getName());
            assertEquals(
                    PUBLIC_PORT,
                    cp.getContainerPort(),
                    "Route "
                            + path
                            + " reaches "
                            + svc
                            + "'s public port, "
                            + "never the operator port (docs/api.md, \"Internal and operational routes\")");
            assertTrue(Containerfile.of(svc).exposedPorts().contains(PUBLIC_PORT), svc + " EXPOSE");
            // The path is where the service's server.xml deploys its WAR, or below it.
            String root = LibertyServer.of(svc).contextRoot();
            assertTrue(
                    DeployTree.servedUnder(path, root),
                    "Route " + path + " under " + svc + "'s context root " + root);
        }
        assertEquals(
                new TreeMap<>(PUBLIC_PATHS),
                covered,
                "Routes (path -> Service) vs docs/api.md's public paths");
        assertEquals(1, hosts.size(), "one origin: every Route on the same host, " + hosts);
    }

    @Test
    void servicesSelectTheirPodsAndTargetNamedContainerPorts() {
        Map<String, PodSpec> pods = Workloads.podSpecs(base);
        for (Service s : services.values()) {
            Map<String, String> selector = s.getSpec().getSelector();
            assertNotNull(selector, "Service " + s.getMetadata().getName() + " has a selector");
            List<HasMetadata> selected = new ArrayList<>();
            for (HasMetadata h : base) {
                Map<String, String> labels =
                        h instanceof Deployment d
                                ? d.getSpec().getTemplate().getMetadata().getLabels()
                                : h instanceof StatefulSet st
                                        ? st.getSpec().getTemplate().getMetadata().getLabels()
                                        : null;
                if (labels != null && labels.entrySet().containsAll(selector.entrySet())) {
                    selected.add(h);
                }
            }
            assertEquals(
                    1,
                    selected.size(),
                    "Service " + s.getMetadata().getName() + " selects one workload: " + selected);
            PodSpec spec =
                    pods.get(
                            selected.get(0).getKind()
                                    + "/"
                                    + selected.get(0).getMetadata().getName());
            for (ServicePort p : s.getSpec().getPorts()) {
                assertNotNull(
                        p.getTargetPort().getStrVal(),
                        "Service " + s.getMetadata().getName() + " targets a named port");
                Workloads.port(
                        spec.getContainers().get(0),
                        p.getTargetPort(),
                        "Service " + s.getMetadata().getName());
            }
        }
        for (Deployment d : deployments.values()) {
            assertEquals(
                    d.getSpec().getSelector().getMatchLabels(),
                    filter(
                            d.getSpec().getTemplate().getMetadata().getLabels(),
                            d.getSpec().getSelector().getMatchLabels().keySet()),
                    "Deployment " + d.getMetadata().getName() + " selects its own pods");
        }
    }

    @Test
    void servicesRunTwoReplicasButTimerServiceRunsOneAtATime() {
        for (String svc : SERVICES) {
            Deployment d = deployments.get(svc);
            if (svc.equals("timer-service")) {
                assertEquals(1, d.getSpec().getReplicas(), "timer-service: one replica");
                assertEquals(
                        "Recreate",
                        d.getSpec().getStrategy().getType(),
                        "timer-service: a rollout never runs two JVMs at once");
                String yaml =
                        DeployTree.read(DeployTree.base().resolve("timer-service/deployment.yaml"));
                assertTrue(
                        yaml.contains("must not scale"),
                        "timer-service's Deployment says why it must not scale");
            } else {
                assertEquals(2, d.getSpec().getReplicas(), svc + ": two replicas");
                assertEquals("RollingUpdate", d.getSpec().getStrategy().getType(), svc);
                assertEquals(
                        0,
                        d.getSpec()
                                .getStrategy()
                                .getRollingUpdate()
                                .getMaxUnavailable()
                                .getIntVal(),
                        svc + ": a rollout keeps every replica serving");
            }
        }
    }

    @Test
    void theTimerPodKeepsItsIdentitySoTheNextPodRunsItsTimers() {
        // Liberty's persistent executor owns timers by member identity (host name included); with
        // failover off, only a pod with the same host name runs what the previous one scheduled.
        Deployment timer = DeployTree.byName(base, Deployment.class).get("timer-service");
        assertEquals(
                "timer-service",
                timer.getSpec().getTemplate().getSpec().getHostname(),
                "timer-service's pod needs a fixed hostname");
        assertEquals(
                "Recreate",
                timer.getSpec().getStrategy().getType(),
                "never two timer JVMs at once");
    }

    @Test
    void natsIsAThreeServerJetStreamClusterThatSyncsEveryWrite() {
        StatefulSet nats = DeployTree.byName(base, StatefulSet.class).get("nats");
        assertNotNull(nats, "StatefulSet nats");
        assertEquals(3, nats.getSpec().getReplicas(), "NATS servers");
        assertEquals(
                "Parallel",
                nats.getSpec().getPodManagementPolicy(),
                "the three start together (quorum)");
        Service headless = services.get(nats.getSpec().getServiceName());
        assertNotNull(headless, "the StatefulSet's serviceName is a Service");
        assertEquals(
                "None",
                headless.getSpec().getClusterIP(),
                "headless Service " + headless.getMetadata().getName());
        assertTrue(
                Boolean.TRUE.equals(headless.getSpec().getPublishNotReadyAddresses()),
                "servers resolve one another before they are ready");
        assertFalse(
                nats.getSpec().getVolumeClaimTemplates().isEmpty(),
                "each server has its own volume");

        Container c = nats.getSpec().getTemplate().getSpec().getContainers().get(0);
        var configVolume =
                nats.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .filter(v -> v.getConfigMap() != null)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("nats.conf volume"));
        String mount =
                c.getVolumeMounts().stream()
                        .filter(m -> m.getName().equals(configVolume.getName()))
                        .findFirst()
                        .orElseThrow()
                        .getMountPath();
        assertEquals(
                List.of("--config", mount + "/nats.conf"),
                c.getArgs(),
                "nats-server runs the ConfigMap's nats.conf");
        String conf =
                configMaps.get(configVolume.getConfigMap().getName()).getData().get("nats.conf");
        assertNotNull(
                conf, "ConfigMap " + configVolume.getConfigMap().getName() + " has nats.conf");

        String jetstream = block(conf, "jetstream");
        assertTrue(
                Pattern.compile("(?m)^\\s*sync_interval\\s*:\\s*always\\s*$")
                        .matcher(jetstream)
                        .find(),
                "jetstream { sync_interval: always }");
        Matcher store = Pattern.compile("(?m)^\\s*store_dir\\s*:\\s*(\\S+)").matcher(jetstream);
        assertTrue(store.find(), "jetstream store_dir");
        String dataMount =
                c.getVolumeMounts().stream()
                        .filter(
                                m ->
                                        nats.getSpec().getVolumeClaimTemplates().stream()
                                                .anyMatch(
                                                        t ->
                                                                t.getMetadata()
                                                                        .getName()
                                                                        .equals(m.getName())))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the volume claim is mounted"))
                        .getMountPath();
        assertTrue(
                store.group(1).startsWith(dataMount + "/"),
                "the store is on the persistent volume " + dataMount);

        String cluster = block(conf, "cluster");
        int clusterPort =
                c.getPorts().stream()
                        .filter(p -> "cluster".equals(p.getName()))
                        .findFirst()
                        .orElseThrow()
                        .getContainerPort();
        Set<String> routes = new TreeSet<>();
        Matcher m = Pattern.compile("nats://([^\\s,\\]]+)").matcher(cluster);
        while (m.find()) {
            routes.add(m.group(1));
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            expected.add("nats-" + i + "." + headless.getMetadata().getName() + ":" + clusterPort);
        }
        assertEquals(expected, routes, "cluster routes: every server by its stable name");
        assertTrue(
                Pattern.compile("(?m)^\\s*listen\\s*:\\s*\\S+:" + clusterPort + "\\s*$")
                        .matcher(cluster)
                        .find(),
                "cluster listens on the container's cluster port");
        assertEquals(
                "3",
                configMaps.get("ticketing-platform").getData().get("TICKETING_STREAM_REPLICAS"),
                "the stream is replicated on all three servers");
        assertTrue(
                DeployTree.byName(
                                base,
                                io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class)
                        .containsKey("nats"),
                "a drain takes at most one NATS server");
    }

    @Test
    void everyContainerHasResourceRequestsAndLimits() {
        Workloads.podSpecs(base)
                .forEach(
                        (where, spec) ->
                                spec.getContainers()
                                        .forEach(
                                                c ->
                                                        Workloads.assertResources(
                                                                c.getResources(),
                                                                where
                                                                        + " container "
                                                                        + c.getName())));
    }

    @Test
    void podsRunAsNonRootWithoutPrivilegeEscalation() {
        Workloads.podSpecs(base)
                .forEach(
                        (where, spec) -> {
                            assertTrue(
                                    spec.getSecurityContext() != null
                                            && Boolean.TRUE.equals(
                                                    spec.getSecurityContext().getRunAsNonRoot()),
                                    where + ": runAsNonRoot");
                            assertEquals(
                                    null,
                                    spec.getSecurityContext().getRunAsUser(),
                                    where
                                            + ": no fixed uid (OpenShift assigns one from the namespace's range)");
                            for (Container c : spec.getContainers()) {
                                assertTrue(
                                        c.getSecurityContext() != null
                                                && Boolean.FALSE.equals(
                                                        c.getSecurityContext()
                                                                .getAllowPrivilegeEscalation()),
                                        where + ": no privilege escalation");
                                assertTrue(
                                        c.getSecurityContext()
                                                .getCapabilities()
                                                .getDrop()
                                                .contains("ALL"),
                                        where + ": drops all capabilities");
                            }
                        });
    }

    @Test
    void authServiceSignsWithTheKeystoreMountedFromItsSecret() {
        Deployment auth = deployments.get("auth-service");
        Container c = Workloads.serviceContainer(auth);
        String location =
                env(auth).stream()
                        .filter(e -> e.getName().equals("JWT_KEYSTORE_LOCATION"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
        assertNotNull(location, "JWT_KEYSTORE_LOCATION is a path");
        var mount =
                c.getVolumeMounts().stream()
                        .filter(m -> location.startsWith(m.getMountPath() + "/"))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "JWT_KEYSTORE_LOCATION "
                                                        + location
                                                        + " is under no volume mount"));
        var volume =
                auth.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .filter(v -> v.getName().equals(mount.getName()))
                        .findFirst()
                        .orElseThrow();
        assertNotNull(volume.getSecret(), "the keystore comes from a Secret");
        String file = location.substring(mount.getMountPath().length() + 1);
        assertTrue(
                volume.getSecret().getItems().stream().anyMatch(i -> i.getPath().equals(file)),
                "Secret " + volume.getSecret().getSecretName() + " provides " + file);
        assertTrue(Boolean.TRUE.equals(mount.getReadOnly()), "mounted read-only");
    }

    // ---------------------------------------------------------------------------------------

    private static List<EnvVar> env(Deployment d) {
        List<EnvVar> env = Workloads.serviceContainer(d).getEnv();
        return env == null ? List.of() : env;
    }

    private static Set<String> envNames(Deployment d) {
        Set<String> names = new TreeSet<>();
        for (EnvVar e : env(d)) {
            assertTrue(
                    names.add(e.getName()),
                    d.getMetadata().getName() + " sets " + e.getName() + " twice");
        }
        return names;
    }

    private static Map<String, String> filter(Map<String, String> labels, Set<String> keys) {
        Map<String, String> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, labels.get(k)));
        m.values().removeIf(Objects::isNull);
        return m;
    }

    /** The text between "name {" and its closing brace. */
    private static String block(String conf, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s*\\{").matcher(conf);
        assertTrue(m.find(), "nats.conf has a " + name + " block");
        int depth = 1;
        int i = m.end();
        for (; i < conf.length() && depth > 0; i++) {
            if (conf.charAt(i) == '{') {
                depth++;
            } else if (conf.charAt(i) == '}') {
                depth--;
            }
        }
        return conf.substring(m.end(), i - 1);
    }

    /** Liberty durations: 100s, 2m, 1h30m, 500ms. */
    static Duration liberty(String value) {
        Matcher m = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(value.strip());
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "a Liberty duration: " + value);
            long n = Long.parseLong(m.group(1));
            d =
                    d.plus(
                            switch (m.group(2)) {
                                case "h" -> Duration.ofHours(n);
                                case "m" -> Duration.ofMinutes(n);
                                case "s" -> Duration.ofSeconds(n);
                                default -> Duration.ofMillis(n);
                            });
            end = m.end();
        }
        assertTrue(end > 0 && end == value.strip().length(), "a Liberty duration: " + value);
        return d;
    }
}
