package dev.ticketing.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's property tables say exactly what {@link Setting} declares: names, defaults,
 * meanings.
 */
class SettingsDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (.+?) \\| (.+) \\|$");

    @Test
    void everyTableRowMatchesItsDeclaredSettingInOrder() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertEquals(expected(Setting.Scope.BOTH), rows(readme, "### Both directions"));
        assertEquals(expected(Setting.Scope.INCOMING), rows(readme, "### Incoming channels"));
        assertEquals(expected(Setting.Scope.OUTGOING), rows(readme, "### Outgoing channels"));
    }

    private static List<String> expected(Setting.Scope scope) {
        List<String> rows = new ArrayList<>();
        for (Setting s : Setting.ALL) {
            if (s.scope() == scope) {
                rows.add(
                        s.name()
                                + " | "
                                + (s.defaultValue() == null ? "none" : "`" + s.defaultValue() + "`")
                                + " | "
                                + s.meaning());
            }
        }
        return rows;
    }

    /** The rows of the table that follows {@code heading}, as "name | default | meaning". */
    private static List<String> rows(String readme, String heading) {
        List<String> rows = new ArrayList<>();
        String after = readme.substring(readme.indexOf(heading) + heading.length());
        for (String line : after.split("\n")) {
            if (line.startsWith("### ") || line.startsWith("## ")) {
                break;
            }
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
            }
        }
        return rows;
    }
}
