package dev.ticketing.common.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON field a violation is about: the last property of its path ({@code email}, not {@code
 * signup.arg0.email}), renamed by {@code @JsonbProperty} if its class says so; for a constraint on
 * a query, path, header, form, cookie or matrix parameter, that parameter's name; null for the body
 * as a whole or a class-level constraint.
 */
final class FieldNames {

    private static final String JSONB_PROPERTY = "jakarta.json.bind.annotation.JsonbProperty";

    private FieldNames() {}

    static String of(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        if (violation.getPropertyPath() != null) {
            violation.getPropertyPath().forEach(nodes::add);
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                Object host = violation.getLeafBean();
                return jsonName(host == null ? null : host.getClass(), node.getName());
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.PARAMETER) {
                return parameterName(violation.getRootBeanClass(), nodes, i);
            }
        }
        return null;
    }

    /** {@code property}, or the name a {@code @JsonbProperty} on its field or accessor gives it. */
    static String jsonName(Class<?> host, String property) {
        for (Class<?> c = host; c != null && c != Object.class; c = c.getSuperclass()) {
            String renamed = null;
            try {
                Field field = c.getDeclaredField(property);
                renamed = jsonbPropertyName(field.getAnnotations());
            } catch (NoSuchFieldException | SecurityException | LinkageError ignored) {
                // not declared here
            }
            if (renamed == null) {
                renamed = accessorRename(c, property);
            }
            if (renamed != null) {
                return renamed;
            }
        }
        return property;
    }

    private static String accessorRename(Class<?> c, String property) {
        String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of(property, "get" + capitalised, "is" + capitalised)) {
            try {
                String renamed = jsonbPropertyName(c.getDeclaredMethod(name).getAnnotations());
                if (renamed != null) {
                    return renamed;
                }
            } catch (NoSuchMethodException | SecurityException | LinkageError ignored) {
                // no such accessor
            }
        }
        return null;
    }

    private static String jsonbPropertyName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(JSONB_PROPERTY)) {
                try {
                    Object value =
                            annotation.annotationType().getMethod("value").invoke(annotation);
                    if (value instanceof String name && !name.isEmpty()) {
                        return name;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The JAX-RS name of the violated parameter, or null for the request body. */
    private static String parameterName(Class<?> resource, List<Path.Node> nodes, int index) {
        Path.ParameterNode parameter = nodes.get(index).as(Path.ParameterNode.class);
        Path.MethodNode method = null;
        for (int i = index - 1; i >= 0; i--) {
            if (nodes.get(i).getKind() == ElementKind.METHOD) {
                method = nodes.get(i).as(Path.MethodNode.class);
                break;
            }
        }
        if (method == null || resource == null) {
            return null;
        }
        Class<?>[] types = method.getParameterTypes().toArray(new Class<?>[0]);
        int position = parameter.getParameterIndex();
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            String name = annotatedName(c, method.getName(), types, position);
            for (int k = 0; name == null && k < c.getInterfaces().length; k++) {
                name = annotatedName(c.getInterfaces()[k], method.getName(), types, position);
            }
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String annotatedName(
            Class<?> c, String methodName, Class<?>[] types, int position) {
        try {
            Method m = c.getDeclaredMethod(methodName, types);
            if (position < 0 || position >= m.getParameterCount()) {
                return null;
            }
            for (Annotation a : m.getParameterAnnotations()[position]) {
                String name = jaxrsName(a);
                if (name != null) {
                    return name;
                }
            }
        } catch (NoSuchMethodException | SecurityException | LinkageError ignored) {
            // not declared here
        }
        return null;
    }

    private static String jaxrsName(Annotation a) {
        if (a instanceof QueryParam q) {
            return q.value();
        }
        if (a instanceof PathParam p) {
            return p.value();
        }
        if (a instanceof HeaderParam h) {
            return h.value();
        }
        if (a instanceof FormParam f) {
            return f.value();
        }
        if (a instanceof CookieParam c) {
            return c.value();
        }
        if (a instanceof MatrixParam m) {
            return m.value();
        }
        return null;
    }
}
