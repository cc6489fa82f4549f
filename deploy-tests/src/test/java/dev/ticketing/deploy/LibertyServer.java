package dev.ticketing.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A service's Liberty server configuration as its image holds it: the module's
 * src/main/liberty/config/server.xml and the liberty-config/fragments it includes (the build
 * assembles both into target/liberty-config, which the Containerfile copies to /config).
 */
record LibertyServer(
        String module,
        List<String> includedFragments,
        Map<String, String> variables,
        String appLocation,
        String contextRoot,
        Map<String, String> appConfig) {

    static LibertyServer of(String module) {
        Path root = DeployTree.root();
        Path serverXml = root.resolve(module).resolve("src/main/liberty/config/server.xml");
        Document server = parse(serverXml);
        List<String> fragments = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        NodeList includes = server.getElementsByTagName("include");
        for (int i = 0; i < includes.getLength(); i++) {
            String location = ((Element) includes.item(i)).getAttribute("location");
            if (!location.startsWith("fragments/")) {
                throw new AssertionError(
                        module
                                + "/server.xml includes "
                                + location
                                + ", not a liberty-config fragment");
            }
            Path fragment = root.resolve("liberty-config").resolve(location);
            if (!Files.isRegularFile(fragment)) {
                throw new AssertionError(
                        module
                                + "/server.xml includes "
                                + location
                                + ", which liberty-config does not have");
            }
            fragments.add(fragment.getFileName().toString());
            variables.putAll(variables(parse(fragment)));
        }
        variables.putAll(variables(server));
        NodeList apps = server.getElementsByTagName("webApplication");
        if (apps.getLength() != 1) {
            throw new AssertionError(
                    module + "/server.xml: expected one webApplication, found " + apps.getLength());
        }
        Element app = (Element) apps.item(0);
        return new LibertyServer(
                module,
                List.copyOf(fragments),
                variables,
                app.getAttribute("location"),
                app.getAttribute("contextRoot"),
                appConfig(root.resolve(module)));
    }

    /** Every variable any fragment in liberty-config/fragments defines, with its default. */
    static Map<String, String> allFragmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        try (var files = Files.list(DeployTree.root().resolve("liberty-config/fragments"))) {
            files.filter(p -> p.toString().endsWith(".xml"))
                    .sorted()
                    .forEach(p -> variables.putAll(variables(parse(p))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return variables;
    }

    static Map<String, String> fragmentVariables(String fragment) {
        return variables(
                parse(DeployTree.root().resolve("liberty-config/fragments").resolve(fragment)));
    }

    boolean includes(String fragment) {
        return includedFragments.contains(fragment);
    }

    /** Environment variable names that set one of this server's variables. */
    Set<String> variableEnvNames() {
        Set<String> names = new TreeSet<>();
        variables.keySet().forEach(v -> names.add(DeployTree.envName(v)));
        return names;
    }

    private static Map<String, String> variables(Document doc) {
        Map<String, String> vars = new LinkedHashMap<>();
        NodeList list = doc.getElementsByTagName("variable");
        for (int i = 0; i < list.getLength(); i++) {
            Element v = (Element) list.item(i);
            vars.put(
                    v.getAttribute("name"),
                    v.hasAttribute("defaultValue")
                            ? v.getAttribute("defaultValue")
                            : v.getAttribute("value"));
        }
        return vars;
    }

    /** The WAR's META-INF/microprofile-config.properties. */
    private static Map<String, String> appConfig(Path moduleDir) {
        Map<String, String> config = new LinkedHashMap<>();
        Path props =
                moduleDir.resolve("src/main/resources/META-INF/microprofile-config.properties");
        if (!Files.isRegularFile(props)) {
            return config;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(props)) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new TreeSet<>(p.stringPropertyNames()).forEach(k -> config.put(k, p.getProperty(k)));
        return config;
    }

    /**
     * Property names of the WAR's microprofile-config.properties, and the ${names} its values read.
     */
    Set<String> appConfigNames() {
        Set<String> names = new TreeSet<>(appConfig.keySet());
        appConfig.values().forEach(v -> names.addAll(references(v)));
        return names;
    }

    /** The names a value reads: ${name} and ${name:default}. */
    static Set<String> references(String value) {
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The value without its ${...} references (what it holds literally). */
    static String literalPart(String value) {
        return value.replaceAll("\\$\\{[^}]*}", "");
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)");

    private static Document parse(Path xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + xml + ": " + e.getMessage(), e);
        }
    }
}
