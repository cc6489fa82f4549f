package dev.ticketing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.MountableFile;

/**
 * The services' images built from deploy/Containerfile with SERVICE set to the module (the build
 * context holds exactly what it copies from the module's target/, as {@code podman build} would
 * send it), and started the way deploy/openshift starts them: port 9080 (public) and 9090
 * (operator: health, metrics, OpenAPI, JWKS, /internal/*), the ConfigMap's and Secrets' settings as
 * environment variables, NATS and MongoDB reached by their Service names.
 */
final class ServiceImages {
    static final int PORT = 9080;
    static final int OPERATOR_PORT = 9090;
    static final String STREAM = "TICKETING";
    static final String ISSUER = "https://ticketing.local/auth";
    static final String AUDIENCE = "ticketing";
    static final String KEY_ALIAS = "jwt";
    static final String KEYSTORE_PASSWORD = "container-test-keystore";

    /** The orders' hold in these tests: long enough to pay, short enough to see one expire. */
    static final int ORDER_EXPIRATION_SECONDS = 60;

    private static final Map<String, ImageFromDockerfile> BUILT = new ConcurrentHashMap<>();

    private ServiceImages() {}

    /** The image of one service module, built once per test run from deploy/Containerfile. */
    static ImageFromDockerfile image(String module) {
        return BUILT.computeIfAbsent(module, ServiceImages::build);
    }

    private static ImageFromDockerfile build(String module) {
        Path moduleDir = DeployTree.root().resolve(module);
        Containerfile containerfile = Containerfile.of(module);
        ImageFromDockerfile image =
                new ImageFromDockerfile("ticketing/" + module + "-test", true)
                        .withFileFromPath("Containerfile", containerfile.file())
                        .withDockerfilePath("Containerfile")
                        .withBuildArg("SERVICE", module);
        for (Containerfile.Instruction copy : containerfile.copies()) {
            for (String source : Containerfile.copySources(copy)) {
                String relative =
                        source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
                Path path = moduleDir.resolve(relative);
                if (!Files.exists(path)) {
                    throw new AssertionError(
                            module
                                    + "/"
                                    + relative
                                    + " is missing: build the modules first (mvn package)");
                }
                image.withFileFromPath(relative, path);
            }
        }
        return image;
    }

    /**
     * A service container on the network under its Service name, ready once /health/ready is 200.
     */
    static GenericContainer<?> service(String module, Network network, Map<String, String> env) {
        return new GenericContainer<>(image(module))
                .withNetwork(network)
                .withNetworkAliases(module)
                .withExposedPorts(PORT, OPERATOR_PORT)
                .withEnv(env)
                .waitingFor(
                        Wait.forHttp("/health/ready")
                                .forPort(OPERATOR_PORT)
                                .forStatusCode(200)
                                .withStartupTimeout(Duration.ofMinutes(5)));
    }

    /** NATS with JetStream, as the "nats" Service. */
    static GenericContainer<?> nats(Network network) {
        return new GenericContainer<>("docker.io/library/nats:2.10-alpine")
                .withNetwork(network)
                .withNetworkAliases("nats")
                .withCommand("-js")
                .withExposedPorts(4222)
                .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
    }

    /** MongoDB, as the "mongodb" Service. */
    static GenericContainer<?> mongodb(Network network) {
        return new GenericContainer<>("docker.io/library/mongo:7.0")
                .withNetwork(network)
                .withNetworkAliases("mongodb")
                .withExposedPorts(27017)
                .waitingFor(Wait.forLogMessage("(?i).*waiting for connections.*", 1));
    }

    /** The settings every service reading events and tokens gets (platform ConfigMap). */
    static Map<String, String> platform() {
        return Map.of(
                "NATS_URL", "nats://nats:4222",
                "TICKETING_STREAM", STREAM,
                "TICKETING_STREAM_REPLICAS", "1",
                "MONGODB_URL", "mongodb://mongodb:27017",
                "JWT_ISSUER", ISSUER,
                "JWT_AUDIENCE", AUDIENCE,
                "JWT_JWKS_URI", "http://auth-service:9090/jwt/ibm/api/ticketing/jwk",
                "LOG_CONSOLE_FORMAT", "SIMPLE");
    }

    /**
     * auth-service's signing key, as the auth-service-jwt Secret mounts it (a PKCS12 made by
     * keytool).
     */
    static MountableFile signingKeystore(Path dir) {
        Path keystore = dir.resolve("jwt-signing.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder pb =
                new ProcessBuilder(
                                keytool.toString(),
                                "-genkeypair",
                                "-alias",
                                KEY_ALIAS,
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-validity",
                                "30",
                                "-storetype",
                                "PKCS12",
                                "-dname",
                                "CN=ticketing-container-test",
                                "-keystore",
                                keystore.toString(),
                                "-storepass",
                                KEYSTORE_PASSWORD,
                                "-keypass",
                                KEYSTORE_PASSWORD)
                        .redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("keytool failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // Readable by the image's user 1001, as a Secret volume's default mode makes it.
        keystore.toFile().setReadable(true, false);
        return MountableFile.forHostPath(keystore, 0444);
    }
}
