package dev.ticketing.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Containerfile's instructions, continuation lines joined and comments dropped. */
record Containerfile(Path file, List<Instruction> instructions) {

    record Instruction(String keyword, String args, int index) {
        List<String> words() {
            return List.of(args.trim().split("\\s+"));
        }
    }

    /**
     * deploy/Containerfile as it builds {@code module}'s image: with the build argument {@code
     * SERVICE} set to the module, as {@code podman build --build-arg SERVICE=<module>} does.
     */
    static Containerfile of(String module) {
        Path file = DeployTree.root().resolve("deploy").resolve("Containerfile");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("deploy/Containerfile is missing");
        }
        String source =
                DeployTree.read(file).replace("${SERVICE}", module).replace("$SERVICE", module);
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : source.split("\n", -1)) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().strip();
            current.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : text.substring(space + 1).strip();
            instructions.add(new Instruction(keyword, args, instructions.size()));
        }
        return new Containerfile(file, List.copyOf(instructions));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    String from() {
        List<Instruction> from = all("FROM");
        if (from.size() != 1) {
            throw new AssertionError(file + ": expected one FROM, found " + from.size());
        }
        return from.get(0).words().get(0);
    }

    List<Integer> exposedPorts() {
        return all("EXPOSE").stream()
                .flatMap(i -> i.words().stream())
                .map(w -> Integer.parseInt(w.replaceAll("/.*", "")))
                .toList();
    }

    /** ENV in both forms (KEY=value ..., and the legacy KEY value). */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : all("ENV")) {
            List<String> words = i.words();
            if (!words.get(0).contains("=")) {
                env.put(words.get(0), i.args().substring(words.get(0).length()).strip());
                continue;
            }
            for (String w : words) {
                int eq = w.indexOf('=');
                env.put(w.substring(0, eq), unquote(w.substring(eq + 1)));
            }
        }
        return env;
    }

    /** COPY instructions as [--flags..., source..., destination]. */
    List<Instruction> copies() {
        return all("COPY");
    }

    static List<String> copySources(Instruction copy) {
        List<String> w = copy.words().stream().filter(s -> !s.startsWith("--")).toList();
        return w.subList(0, w.size() - 1);
    }

    static String copyDestination(Instruction copy) {
        List<String> w = copy.words();
        return w.get(w.size() - 1);
    }

    static String copyChown(Instruction copy) {
        return copy.words().stream()
                .filter(s -> s.startsWith("--chown="))
                .map(s -> s.substring(8))
                .findFirst()
                .orElse(null);
    }

    /** The last USER. */
    String user() {
        List<Instruction> users = all("USER");
        return users.isEmpty() ? null : users.get(users.size() - 1).args();
    }

    private static String unquote(String s) {
        return s.length() >= 2
                        && (s.startsWith("\"") && s.endsWith("\"")
                                || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1)
                : s;
    }
}
