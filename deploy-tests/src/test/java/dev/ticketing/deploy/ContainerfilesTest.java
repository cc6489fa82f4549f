package dev.ticketing.deploy;

import static dev.ticketing.deploy.DeployTree.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The services' Containerfiles, and their agreement with the manifests and the Liberty config. */
class ContainerfilesTest {
    static final List<String> services = SERVICES;

    private static final String IMAGE = "icr.io/appcafe/open-liberty";

    @ParameterizedTest
    @FieldSource("services")
    void buildsOnTheOpenLibertyUbiKernelOfTheBuildsRuntimeVersion(String svc) {
        String from = Containerfile.of(svc).from();
        String version = parentProperty("liberty.runtime.version");
        assertTrue(
                from.startsWith(IMAGE + ":"),
                svc + ": FROM " + from + " is Open Liberty's image on icr.io");
        String tag = from.substring(IMAGE.length() + 1);
        assertTrue(
                tag.startsWith(version + "-kernel-slim-"),
                svc
                        + ": FROM "
                        + from
                        + " is pinned to the build's Liberty "
                        + version
                        + ", kernel-slim (features.sh adds the features)");
        assertTrue(
                tag.contains("-java17-") || tag.contains("-java21-"),
                svc + ": a Java the build targets (17+): " + tag);
        assertTrue(
                tag.endsWith("-ubi") || tag.endsWith("-ubi-minimal"),
                svc + ": a UBI image: " + tag);
    }

    @ParameterizedTest
    @FieldSource("services")
    void holdsTheWarAndTheServerConfigurationOnly(String svc) {
        Containerfile cf = Containerfile.of(svc);
        LibertyServer server = LibertyServer.of(svc);
        assertTrue(cf.all("ADD").isEmpty(), svc + ": COPY, never ADD");
        List<Containerfile.Instruction> copies = cf.copies();
        for (Containerfile.Instruction copy : copies) {
            assertEquals(
                    "1001:0",
                    Containerfile.copyChown(copy),
                    svc + ": " + copy.args() + " owned by 1001:0");
            for (String source : Containerfile.copySources(copy)) {
                assertTrue(
                        source.startsWith("target/"),
                        svc + ": copies build output only, not " + source);
            }
        }
        Containerfile.Instruction config = copyOf(cf, "target/liberty-config/");
        assertEquals(
                "/config/",
                Containerfile.copyDestination(config),
                svc + ": the assembled configuration into /config");
        Containerfile.Instruction war = copyOf(cf, "target/" + svc + ".war");
        String dest = Containerfile.copyDestination(war);
        assertTrue(
                dest.equals("/config/apps/") || dest.equals("/config/apps/" + server.appLocation()),
                svc
                        + ": the WAR goes to /config/apps/"
                        + server.appLocation()
                        + " (server.xml webApplication), not "
                        + dest);
        assertEquals(
                svc + ".war",
                server.appLocation(),
                svc + ": server.xml deploys the WAR the build makes");
        assertEquals(
                3,
                copies.size(),
                svc + ": what the image holds (configuration, shared directory, WAR): " + copies);
    }

    @ParameterizedTest
    @FieldSource("services")
    void followsLibertysBuildStepsAndRunsAsUser1001(String svc) {
        Containerfile cf = Containerfile.of(svc);
        int config = copyOf(cf, "target/liberty-config/").index();
        int features = run(cf, "features.sh");
        int war = copyOf(cf, "target/" + svc + ".war").index();
        int configure = run(cf, "configure.sh");
        assertTrue(
                config < features && features < war && war < configure,
                svc
                        + ": COPY configuration, RUN features.sh, COPY the WAR, RUN configure.sh, in that order");
        assertEquals("1001", cf.user(), svc + ": runs as the image's non-root user");
        int lastUser = cf.all("USER").get(cf.all("USER").size() - 1).index();
        assertTrue(lastUser > configure, svc + ": USER 1001 after the build steps");
    }

    @ParameterizedTest
    @FieldSource("services")
    void listensOnEveryInterfaceOnTheExposedPorts(String svc) {
        Containerfile cf = Containerfile.of(svc);
        List<Integer> exposed = cf.exposedPorts();
        assertEquals(2, exposed.size(), svc + ": two ports, the public one and the operator one");
        Map<String, String> env = cf.env();
        assertEquals(
                "*",
                env.get("HTTP_HOST"),
                svc + ": HTTP_HOST=* (base.xml listens on loopback by default)");
        assertEquals(
                String.valueOf(exposed.get(0)),
                env.get("HTTP_PORT"),
                svc + ": HTTP_PORT is the first EXPOSEd port");
        assertEquals(
                String.valueOf(exposed.get(1)),
                env.get("OPERATOR_PORT"),
                svc + ": OPERATOR_PORT is the second");
        Map<String, String> vars = LibertyServer.of(svc).variables();
        assertTrue(
                vars.containsKey("http.host")
                        && vars.containsKey("http.port")
                        && vars.containsKey("operator.port"),
                svc
                        + ": the server configuration reads http.host, http.port and operator.port (HTTP_HOST, HTTP_PORT, OPERATOR_PORT)");
    }

    @ParameterizedTest
    @FieldSource("services")
    void carriesOciLabels(String svc) {
        String labels =
                String.join(
                        " ",
                        Containerfile.of(svc).all("LABEL").stream()
                                .map(Containerfile.Instruction::args)
                                .toList());
        for (String label :
                List.of(
                        "org.opencontainers.image.title",
                        "org.opencontainers.image.version",
                        "org.opencontainers.image.revision",
                        "org.opencontainers.image.description")) {
            assertTrue(labels.contains(label + "="), svc + ": LABEL " + label);
        }
        assertTrue(
                labels.contains("org.opencontainers.image.title=\"ticketing-" + svc + "\""),
                svc + ": title names the service");
    }

    @ParameterizedTest
    @FieldSource("services")
    void theDeploymentRunsThisImageOnThisPort(String svc) {
        Deployment d = DeployTree.byName(DeployTree.baseResources(), Deployment.class).get(svc);
        assertNotNull(d, "Deployment " + svc);
        Container c = Workloads.serviceContainer(d);
        assertEquals(
                "ticketing/" + svc,
                c.getImage(),
                svc
                        + ": the base names the image the README builds (ticketing/"
                        + svc
                        + "; overlays set registry and tag)");
        assertEquals(
                Containerfile.of(svc).exposedPorts(),
                c.getPorts().stream().map(p -> p.getContainerPort()).toList(),
                svc + ": the container ports are the image's EXPOSEd ports");
        assertEquals(
                List.of("http", "operator"),
                c.getPorts().stream().map(p -> p.getName()).toList(),
                svc);
        assertTrue(
                c.getEnv().stream()
                        .noneMatch(
                                e ->
                                        e.getName().equals("HTTP_PORT")
                                                || e.getName().equals("HTTP_HOST")
                                                || e.getName().equals("OPERATOR_PORT")),
                svc + ": the ports are the image's; the Deployment does not move them");
    }

    /**
     * What a service's server needs beside its WAR, its build lays out in target/liberty-shared
     * like Liberty's shared directory (./ticketing up --split copies it the same way); the image
     * puts it at /opt/ol/wlp/usr/shared. Every service's build makes the directory (the parent's
     * liberty-service profile), so the one Containerfile can copy it for all; timer-service's JDBC
     * drivers must land where timers.xml looks.
     */
    @ParameterizedTest
    @FieldSource("services")
    void carriesTheSharedDirectoryItsBuildMakes(String svc) {
        Containerfile cf = Containerfile.of(svc);
        assertTrue(
                parentPom()
                        .contains(
                                "<outputDirectory>${project.build.directory}/liberty-shared</outputDirectory>"),
                svc
                        + ": the liberty-service profile makes target/liberty-shared for every service");
        List<Containerfile.Instruction> copies =
                cf.copies().stream()
                        .filter(
                                c ->
                                        Containerfile.copySources(c)
                                                .contains("target/liberty-shared/"))
                        .toList();
        assertEquals(1, copies.size(), svc + ": copies target/liberty-shared/ once");
        assertEquals(
                "/opt/ol/wlp/usr/shared/",
                Containerfile.copyDestination(copies.get(0)),
                svc
                        + ": into Liberty's shared directory (${shared.resource.dir} = /opt/ol/wlp/usr/shared/resources)");
        assertTrue(
                run(cf, "features.sh") < copies.get(0).index()
                        && copies.get(0).index() < copyOf(cf, "target/" + svc + ".war").index(),
                svc + ": after features.sh, before the WAR");
    }

    /** One Containerfile for every service: what differs is only the module the build names. */
    @Test
    void oneContainerfileServesEveryServiceByItsBuildArgument() {
        String raw = DeployTree.read(DeployTree.root().resolve("deploy/Containerfile"));
        assertTrue(
                raw.lines().anyMatch(l -> l.strip().equals("ARG SERVICE")),
                "ARG SERVICE without a default: an image is always built for a named service");
        for (String svc : services) {
            assertTrue(
                    Files.notExists(DeployTree.root().resolve(svc).resolve("Containerfile")),
                    svc + " has no Containerfile of its own");
            assertTrue(
                    raw.lines()
                            .filter(l -> !l.strip().startsWith("#"))
                            .noneMatch(l -> l.contains(svc)),
                    "deploy/Containerfile names no service outside its comments: " + svc);
        }
    }

    @Test
    void timerServicesDriversLandWhereTimersXmlLoadsThem() {
        assertTrue(
                LibertyServer.of("timer-service").includes("timers.xml"),
                "timer-service's server includes timers.xml");
        String pom = DeployTree.read(DeployTree.root().resolve("timer-service/pom.xml"));
        assertTrue(
                pom.contains(
                        "<outputDirectory>${project.build.directory}/liberty-shared/resources/jdbc</outputDirectory>"),
                "timer-service's build copies its JDBC drivers to target/liberty-shared/resources/jdbc");
        assertEquals(
                "${shared.resource.dir}/jdbc",
                LibertyServer.fragmentVariables("timers.xml").get("timers.jdbc.dir"),
                "timers.xml loads the drivers from ${shared.resource.dir}/jdbc: shared/resources/jdbc in the image");
        copyOf(Containerfile.of("timer-service"), "target/liberty-shared/");
    }

    @Test
    void oneContainerfileInDeployAndEveryDeploymentRunsAServiceImage() throws Exception {
        try (var dirs = Files.list(DeployTree.root())) {
            List<String> withContainerfile =
                    dirs.filter(d -> Files.isRegularFile(d.resolve("Containerfile")))
                            .map(d -> d.getFileName().toString())
                            .sorted()
                            .toList();
            assertEquals(
                    List.of("deploy"),
                    withContainerfile,
                    "one Containerfile, deploy/'s, builds every service's image");
        }
        List<String> images =
                DeployTree.baseResources().stream()
                        .filter(h -> h instanceof Deployment)
                        .map(
                                h ->
                                        ((Deployment) h)
                                                .getSpec()
                                                .getTemplate()
                                                .getSpec()
                                                .getContainers()
                                                .get(0)
                                                .getImage())
                        .sorted()
                        .toList();
        assertEquals(
                SERVICES.stream().map(s -> "ticketing/" + s).sorted().toList(),
                images,
                "every Deployment runs the image deploy/Containerfile builds for its service");
    }

    // ---------------------------------------------------------------------------------------

    private static Containerfile.Instruction copyOf(Containerfile cf, String source) {
        List<Containerfile.Instruction> found =
                cf.copies().stream()
                        .filter(c -> Containerfile.copySources(c).contains(source))
                        .toList();
        assertEquals(1, found.size(), cf.file() + ": one COPY of " + source);
        return found.get(0);
    }

    private static int run(Containerfile cf, String script) {
        List<Containerfile.Instruction> found =
                cf.all("RUN").stream().filter(r -> r.words().get(0).equals(script)).toList();
        assertEquals(1, found.size(), cf.file() + ": RUN " + script + " once");
        return found.get(0).index();
    }

    private static String parentPom() {
        return DeployTree.read(DeployTree.root().resolve("pom.xml"));
    }

    static String parentProperty(String name) {
        Matcher m =
                Pattern.compile(
                                "<"
                                        + Pattern.quote(name)
                                        + ">([^<]+)</"
                                        + Pattern.quote(name)
                                        + ">")
                        .matcher(DeployTree.read(DeployTree.root().resolve("pom.xml")));
        assertTrue(m.find(), "pom.xml property " + name);
        return m.group(1).strip();
    }
}
