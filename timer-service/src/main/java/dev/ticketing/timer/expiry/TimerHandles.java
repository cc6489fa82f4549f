package dev.ticketing.timer.expiry;

import jakarta.ejb.TimerHandle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * A persistent timer's {@link TimerHandle} as text and back. The handle is the portable way to
 * reach one timer again later (also after a restart, also from another replica on the same store)
 * without listing all of them: {@code handle.getTimer()} looks the timer up by its key.
 *
 * <p>The handle's class belongs to the EJB container, which the application's class loader does not
 * see; it is resolved through {@code containerLoader} (the loader of the container's TimerService
 * implementation) when the application's loader cannot. Only TimerHandle classes are accepted.
 */
final class TimerHandles {
    private final ClassLoader containerLoader;

    TimerHandles(ClassLoader containerLoader) {
        this.containerLoader = containerLoader;
    }

    String encode(TimerHandle handle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the timer handle " + handle + " cannot be serialized", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The handle stored as {@code text}; an {@link IllegalArgumentException} when it is none. */
    TimerHandle decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a stored timer handle is not Base64", e);
        }
        try (ObjectInputStream in = new ContainerObjectInputStream(bytes)) {
            return (TimerHandle) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("a stored timer handle cannot be read: " + e, e);
        }
    }

    private final class ContainerObjectInputStream extends ObjectInputStream {
        ContainerObjectInputStream(byte[] bytes) throws IOException {
            super(new ByteArrayInputStream(bytes));
            setObjectInputFilter(
                    info -> {
                        Class<?> type = info.serialClass();
                        if (type == null) {
                            return ObjectInputFilter.Status.UNDECIDED;
                        }
                        return TimerHandle.class.isAssignableFrom(type) && info.depth() <= 1
                                ? ObjectInputFilter.Status.ALLOWED
                                : ObjectInputFilter.Status.REJECTED;
                    });
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass type)
                throws IOException, ClassNotFoundException {
            try {
                return super.resolveClass(type);
            } catch (ClassNotFoundException notTheApplications) {
                return Class.forName(type.getName(), false, containerLoader);
            }
        }
    }
}
