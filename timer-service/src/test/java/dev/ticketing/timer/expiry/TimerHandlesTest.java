package dev.ticketing.timer.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerHandlesTest {
    private final TimerHandles handles = new TimerHandles(getClass().getClassLoader());

    /** Stands in for the container's handle: serializable state that names one timer. */
    record Handle(long taskId) implements TimerHandle {
        @Override
        public Timer getTimer() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aHandleComesBackEqualFromItsText() {
        String text = handles.encode(new Handle(42));
        assertEquals(new Handle(42), handles.decode(text));
    }

    @Test
    void oneHandleIsAlwaysTheSameText() {
        // The timeout finds its row by the text of its own handle.
        assertEquals(handles.encode(new Handle(7)), handles.encode(new Handle(7)));
    }

    @Test
    void textThatIsNoHandleIsRefusedWithoutBuildingOtherObjects() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> handles.decode("not base64 %%"));
        assertThrows(
                IllegalArgumentException.class,
                () -> handles.decode(serialized(new ArrayList<>(List.of("x")))));
        assertThrows(IllegalArgumentException.class, () -> handles.decode(serialized("a string")));
    }

    private static String serialized(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
