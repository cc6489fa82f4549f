package dev.ticketing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Some of a running service's application counters, read from its /metrics (Prometheus text) before
 * and after a step, and the exact change the step must make to each.
 */
public final class ServiceMetrics {
    private final List<String> counters;
    private final HttpApi http = new HttpApi();

    public ServiceMetrics(List<String> counters) {
        this.counters = List.copyOf(counters);
    }

    /** Each counter's value now (0 for one not registered). */
    public Map<String, Double> read() {
        String page = page();
        Map<String, Double> values = new LinkedHashMap<>();
        counters.forEach(name -> values.put(name, value(page, name)));
        return values;
    }

    /**
     * Each counter is on the page as a counter with a description and a sample (0 before anything
     * happened).
     */
    public void assertEachIsADescribedCounter() {
        String page = page();
        for (String name : counters) {
            assertTrue(
                    page.lines().anyMatch(l -> l.startsWith("# TYPE " + name + " counter")),
                    name + ":\n" + page);
            assertTrue(
                    page.lines()
                            .anyMatch(l -> l.startsWith("# HELP " + name + " ") && l.length() > 30),
                    name + ":\n" + page);
            assertTrue(
                    page.lines()
                            .anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")),
                    name + ":\n" + page);
        }
    }

    /**
     * The value of gauge {@code name}'s sample that carries {@code tag} (such as {@code
     * aggregate="order"}); the page must declare {@code name} a gauge and hold that sample.
     */
    public double gauge(String name, String tag) {
        String page = page();
        assertTrue(
                page.lines().anyMatch(l -> l.startsWith("# TYPE " + name + " gauge")),
                name + ":\n" + page);
        String sample =
                page.lines()
                        .filter(l -> l.startsWith(name + "{") && l.contains(tag))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("no " + name + " " + tag + ":\n" + page));
        return Double.parseDouble(
                sample.substring(sample.lastIndexOf('}') + 1).trim().split(" ")[0]);
    }

    private String page() {
        HttpApi.Reply reply = http.get(ServiceUnderTest.operatorUrl("/metrics?scope=application"));
        assertEquals(200, reply.status(), reply.body());
        return reply.body();
    }

    /**
     * Every counter moved from {@code before} by exactly {@code expected} (0 for those not named).
     */
    public void assertDeltas(Map<String, Double> before, Map<String, Integer> expected) {
        Map<String, Double> after = read();
        Map<String, Double> deltas = new LinkedHashMap<>();
        Map<String, Double> wanted = new LinkedHashMap<>();
        for (String name : counters) {
            deltas.put(name, after.get(name) - before.get(name));
            wanted.put(name, expected.getOrDefault(name, 0).doubleValue());
        }
        assertEquals(wanted, deltas, "before " + before + ", after " + after);
    }

    /** The sum of a metric's samples in Prometheus text (one per tag set; 0 when absent). */
    static double value(String page, String name) {
        return page.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(
                        l -> {
                            String afterTags =
                                    l.substring(
                                                    l.contains("}")
                                                            ? l.lastIndexOf('}') + 1
                                                            : name.length())
                                            .trim();
                            return Double.parseDouble(afterTags.split(" ")[0]);
                        })
                .sum();
    }
}
