package dev.ticketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks shared by the base and the rendered overlays. */
final class Workloads {
    private Workloads() {}

    /** Deployments and StatefulSets with their pod specs, by "Kind/name". */
    static Map<String, PodSpec> podSpecs(List<HasMetadata> resources) {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        for (HasMetadata h : resources) {
            if (h instanceof Deployment d) {
                specs.put(
                        "Deployment/" + d.getMetadata().getName(),
                        d.getSpec().getTemplate().getSpec());
            } else if (h instanceof StatefulSet s) {
                specs.put(
                        "StatefulSet/" + s.getMetadata().getName(),
                        s.getSpec().getTemplate().getSpec());
            }
        }
        return specs;
    }

    /** The container named like its Deployment (the service module). */
    static Container serviceContainer(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(
                1,
                containers.size(),
                "Deployment " + d.getMetadata().getName() + ": one container, the service");
        Container c = containers.get(0);
        assertEquals(
                d.getMetadata().getName(),
                c.getName(),
                "container name of Deployment " + d.getMetadata().getName());
        return c;
    }

    static ContainerPort port(Container c, IntOrString ref, String where) {
        assertNotNull(ref, where + ": no port");
        for (ContainerPort p : c.getPorts()) {
            if (ref.getStrVal() != null
                    ? ref.getStrVal().equals(p.getName())
                    : ref.getIntVal().equals(p.getContainerPort())) {
                return p;
            }
        }
        throw new AssertionError(
                where
                        + ": port "
                        + (ref.getStrVal() != null ? ref.getStrVal() : ref.getIntVal())
                        + " is not a port of container "
                        + c.getName()
                        + " "
                        + c.getPorts());
    }

    /** The probe is an HTTP GET of path on a port the container declares; returns that port. */
    static ContainerPort httpProbe(
            Container c, Probe probe, String kind, String path, String where) {
        assertNotNull(probe, where + ": no " + kind + " probe");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, where + ": the " + kind + " probe is not an HTTP GET");
        assertEquals(path, get.getPath(), where + ": " + kind + " probe path");
        return port(c, get.getPort(), where + " " + kind + " probe");
    }

    /** Every container has cpu and memory requests and limits, requests no larger than limits. */
    static void assertResources(ResourceRequirements r, String where) {
        assertNotNull(r, where + ": no resources");
        for (String res : List.of("cpu", "memory")) {
            Quantity request = r.getRequests() == null ? null : r.getRequests().get(res);
            Quantity limit = r.getLimits() == null ? null : r.getLimits().get(res);
            assertNotNull(request, where + ": no " + res + " request");
            assertNotNull(limit, where + ": no " + res + " limit");
            assertTrue(
                    Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit))
                            <= 0,
                    where + ": " + res + " request " + request + " above its limit " + limit);
        }
    }

    /**
     * Every configMapKeyRef and secretKeyRef (and configMap/secret volume item) of the pod spec
     * resolves: to a ConfigMap of configMaps with that key, to a Secret of secrets with that key.
     * An optional reference may name a missing key, never a misspelt Secret.
     */
    static List<String> unresolvedReferences(
            String where,
            PodSpec spec,
            Map<String, ConfigMap> configMaps,
            Map<String, Secret> secrets,
            boolean optionalSecretsMayBeAbsent) {
        List<String> problems = new ArrayList<>();
        List<Container> all = new ArrayList<>(spec.getContainers());
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        for (Container c : all) {
            for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                if (e.getValueFrom() == null) {
                    continue;
                }
                var cm = e.getValueFrom().getConfigMapKeyRef();
                if (cm != null) {
                    ConfigMap m = configMaps.get(cm.getName());
                    if (m == null) {
                        problems.add(
                                where + " env " + e.getName() + ": no ConfigMap " + cm.getName());
                    } else if (m.getData() == null || !m.getData().containsKey(cm.getKey())) {
                        problems.add(
                                where
                                        + " env "
                                        + e.getName()
                                        + ": ConfigMap "
                                        + cm.getName()
                                        + " has no key "
                                        + cm.getKey());
                    }
                }
                var sk = e.getValueFrom().getSecretKeyRef();
                if (sk != null) {
                    Secret s = secrets.get(sk.getName());
                    boolean optional = Boolean.TRUE.equals(sk.getOptional());
                    if (s == null) {
                        if (!(optional && optionalSecretsMayBeAbsent)) {
                            problems.add(
                                    where + " env " + e.getName() + ": no Secret " + sk.getName());
                        }
                    } else if (!DeployTree.secretKeys(s).contains(sk.getKey())) {
                        problems.add(
                                where
                                        + " env "
                                        + e.getName()
                                        + ": Secret "
                                        + sk.getName()
                                        + " has no key "
                                        + sk.getKey());
                    }
                }
            }
            if (c.getEnvFrom() != null && !c.getEnvFrom().isEmpty()) {
                problems.add(
                        where
                                + ": envFrom hides which keys are read; map each variable explicitly");
            }
        }
        for (var v :
                spec.getVolumes() == null
                        ? List.<io.fabric8.kubernetes.api.model.Volume>of()
                        : spec.getVolumes()) {
            if (v.getConfigMap() != null) {
                ConfigMap m = configMaps.get(v.getConfigMap().getName());
                if (m == null) {
                    problems.add(
                            where
                                    + " volume "
                                    + v.getName()
                                    + ": no ConfigMap "
                                    + v.getConfigMap().getName());
                } else if (v.getConfigMap().getItems() != null) {
                    v.getConfigMap().getItems().stream()
                            .filter(i -> !m.getData().containsKey(i.getKey()))
                            .forEach(
                                    i ->
                                            problems.add(
                                                    where
                                                            + " volume "
                                                            + v.getName()
                                                            + ": ConfigMap has no key "
                                                            + i.getKey()));
                }
            }
            if (v.getSecret() != null) {
                Secret s = secrets.get(v.getSecret().getSecretName());
                if (s == null) {
                    problems.add(
                            where
                                    + " volume "
                                    + v.getName()
                                    + ": no Secret "
                                    + v.getSecret().getSecretName());
                } else if (v.getSecret().getItems() != null) {
                    Set<String> keys = DeployTree.secretKeys(s);
                    v.getSecret().getItems().stream()
                            .filter(i -> !keys.contains(i.getKey()))
                            .forEach(
                                    i ->
                                            problems.add(
                                                    where
                                                            + " volume "
                                                            + v.getName()
                                                            + ": Secret has no key "
                                                            + i.getKey()));
                }
            }
        }
        return problems;
    }

    static void assertNone(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }
}
