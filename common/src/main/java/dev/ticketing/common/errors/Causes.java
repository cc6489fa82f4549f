package dev.ticketing.common.errors;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads exception chains without linking to optional APIs: JSON-B, JSON-P, Bean Validation and
 * RESTEasy classes are recognised by name, so this works whatever features a server enables.
 */
final class Causes {

    /**
     * Where a JSON failure happened, judged from the stack: reading the request or writing a
     * response.
     */
    enum Origin {
        REQUEST_BODY,
        RESPONSE_BODY,
        UNKNOWN
    }

    static final String JSONB_EXCEPTION = "jakarta.json.bind.JsonbException";
    static final String JSON_EXCEPTION = "jakarta.json.JsonException";
    static final String JSON_GENERATION_EXCEPTION = "jakarta.json.stream.JsonGenerationException";
    static final String CONSTRAINT_VIOLATION_EXCEPTION =
            "jakarta.validation.ConstraintViolationException";
    static final String VALIDATION_EXCEPTION = "jakarta.validation.ValidationException";
    static final String RESTEASY_FAILURE = "org.jboss.resteasy.spi.Failure";
    static final String RESTEASY_READER_EXCEPTION = "org.jboss.resteasy.spi.ReaderException";
    static final String RESTEASY_WRITER_EXCEPTION = "org.jboss.resteasy.spi.WriterException";

    /** Wrappers that say nothing themselves; their cause is the real failure. */
    private static final Set<String> WRAPPERS =
            Set.of(
                    "java.util.concurrent.CompletionException",
                    "java.util.concurrent.ExecutionException",
                    "java.lang.reflect.InvocationTargetException",
                    "java.lang.reflect.UndeclaredThrowableException",
                    "jakarta.ejb.EJBException",
                    "jakarta.transaction.TransactionalException",
                    "org.jboss.resteasy.spi.ApplicationException",
                    "org.jboss.resteasy.spi.UnhandledException");

    /** Frames that read a request body: MessageBodyReader, ReaderInterceptor, Jsonb. */
    private static final Set<String> READING = Set.of("readFrom", "aroundReadFrom", "fromJson");

    /** Frames that write a response body: MessageBodyWriter, WriterInterceptor, Jsonb. */
    private static final Set<String> WRITING =
            Set.of("writeTo", "asyncWriteTo", "aroundWriteTo", "toJson");

    private static final int MAX_DEPTH = 16;

    private Causes() {}

    /** True if {@code t}'s class is, or extends, the class named {@code className}. */
    static boolean isA(Throwable t, String className) {
        for (Class<?> c = t == null ? null : t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code t} or one of its causes is, or extends, the class named {@code className}. */
    static boolean anyIsA(Throwable t, String className) {
        for (Throwable each : chain(t)) {
            if (isA(each, className)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code t} or a cause is a JSON-B or JSON-P exception. */
    static boolean hasJsonCause(Throwable t) {
        return anyIsA(t, JSONB_EXCEPTION) || anyIsA(t, JSON_EXCEPTION);
    }

    /** The first non-wrapper in {@code t}'s chain (t itself if it is not a wrapper). */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int depth = 0;
                depth < MAX_DEPTH && current.getCause() != null && current.getCause() != current;
                depth++) {
            if (!WRAPPERS.contains(current.getClass().getName())) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }

    /**
     * Whether {@code t} was raised reading a request body ({@code MessageBodyReader.readFrom},
     * {@code Jsonb.fromJson}) or writing a response ({@code writeTo}, {@code toJson}): the first
     * such frame from the top of each throwable's stack, outermost throwable first, decides.
     */
    static Origin origin(Throwable t) {
        for (Throwable each : chain(t)) {
            for (StackTraceElement frame : each.getStackTrace()) {
                String method = frame.getMethodName();
                if (READING.contains(method)) {
                    return Origin.REQUEST_BODY;
                }
                if (WRITING.contains(method)) {
                    return Origin.RESPONSE_BODY;
                }
            }
        }
        return Origin.UNKNOWN;
    }

    /**
     * True if a frame of {@code t}'s chain belongs to a REST client (Jakarta REST client or
     * MicroProfile Rest Client): the failure is about another service's answer, not our request.
     */
    static boolean fromClientApi(Throwable t) {
        for (Throwable each : chain(t)) {
            for (StackTraceElement frame : each.getStackTrace()) {
                String name = frame.getClassName();
                if ((name.startsWith("org.jboss.resteasy.")
                                || name.startsWith("io.openliberty.")
                                || name.startsWith("com.ibm.ws."))
                        && name.contains(".client.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** RESTEasy's {@code Failure.getResponse()}, read reflectively; null if absent. */
    static jakarta.ws.rs.core.Response resteasyResponse(Throwable t) {
        Object value = invoke(t, "getResponse");
        return value instanceof jakarta.ws.rs.core.Response response ? response : null;
    }

    /** RESTEasy's {@code Failure.getErrorCode()}, read reflectively; -1 if absent. */
    static int resteasyErrorCode(Throwable t) {
        Object value = invoke(t, "getErrorCode");
        return value instanceof Integer code ? code : -1;
    }

    private static Object invoke(Throwable t, String method) {
        if (!isA(t, RESTEASY_FAILURE)) {
            return null;
        }
        try {
            Method m = t.getClass().getMethod(method);
            return m.invoke(t);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static List<Throwable> chain(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> list = new ArrayList<>();
        for (Throwable c = t;
                c != null && list.size() < MAX_DEPTH && seen.add(c);
                c = c.getCause()) {
            list.add(c);
        }
        return list;
    }
}
