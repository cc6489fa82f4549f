package dev.ticketing.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One NATS connection shared by all channels that use the same {@code url}. It is opened in the
 * background with infinite reconnects, so a deployment does not fail (nor block) while NATS is
 * down; channels wait for {@link #connection()} and retry. jnats re-subscribes after a reconnect;
 * JetStream durables keep the consumers' positions on the server.
 */
final class SharedConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SharedConnection.class.getName());

    private final String url;
    private final Duration requestTimeout;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final Thread connector;
    private volatile boolean closed;
    // While down, jnats reports every failed reconnect attempt; log the outage once.
    private volatile boolean down;
    private volatile JetStream jetStream;
    private volatile JetStreamManagement management;

    SharedConnection(ChannelSettings settings) {
        this.url = settings.url();
        this.requestTimeout = settings.requestTimeout();
        Options options =
                new Options.Builder()
                        .servers(settings.url().split(","))
                        .connectionName(settings.connectionName())
                        .maxReconnects(-1)
                        .reconnectWait(settings.reconnectWait())
                        .connectionTimeout(settings.connectTimeout())
                        .connectionListener(this::onEvent)
                        .errorListener(new LoggingErrorListener())
                        .build();
        connector = new Thread(() -> open(options), "nats-connect-" + url);
        connector.setDaemon(true);
        connector.start();
    }

    private void open(Options options) {
        try {
            // Blocks until the first successful connect, retrying every reconnect-wait.
            Connection c = Nats.connectReconnectOnConnect(options);
            if (closed) {
                c.close();
                return;
            }
            jetStream =
                    c.jetStream(JetStreamOptions.builder().requestTimeout(requestTimeout).build());
            management =
                    c.jetStreamManagement(
                            JetStreamOptions.builder().requestTimeout(requestTimeout).build());
            connection.complete(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.completeExceptionally(
                    new IllegalStateException("connector closed before NATS connected"));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot connect to NATS at " + url, e);
            connection.completeExceptionally(e);
        }
    }

    private void onEvent(Connection c, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED:
                if (!down && !closed) {
                    down = true;
                    LOG.warning(() -> "NATS disconnected from " + url + "; reconnecting");
                }
                break;
            case RECONNECTED:
            case CONNECTED:
                down = false;
                LOG.info(() -> "NATS " + event.name().toLowerCase() + " (" + url + ")");
                break;
            case CLOSED:
                LOG.fine(() -> "NATS connection to " + url + " closed");
                break;
            default:
                LOG.fine(() -> "NATS " + event + " (" + url + ")");
        }
    }

    String url() {
        return url;
    }

    /** Completes once the first connection is established. */
    CompletableFuture<Connection> connection() {
        return connection;
    }

    /** The connection if it was ever established, else null (it may be reconnecting). */
    Connection connectionNow() {
        return connection.getNow(null);
    }

    /** Waits up to {@code timeout} for the first connection; null if still not connected. */
    Connection awaitConnection(Duration timeout) throws InterruptedException {
        try {
            return connection.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("NATS connection to " + url + " failed", e.getCause());
        }
    }

    JetStream jetStream() {
        return jetStream;
    }

    JetStreamManagement management() {
        return management;
    }

    boolean isConnected() {
        Connection c = connectionNow();
        return c != null && c.getStatus() == Connection.Status.CONNECTED;
    }

    String state() {
        Connection c = connectionNow();
        return c == null ? (closed ? "CLOSED" : "CONNECTING") : c.getStatus().name();
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connectionNow();
        if (c == null) {
            connector.interrupt();
            return;
        }
        try {
            c.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Routes jnats' asynchronous errors to JUL; heartbeat alarms are expected during a NATS
     * restart.
     */
    private final class LoggingErrorListener implements ErrorListener {
        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.warning(() -> "NATS error (" + url + "): " + error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            // Connection refused while NATS restarts is routine: no stack trace, and only at
            // FINE while we already know NATS is down.
            LOG.log(
                    down ? Level.FINE : Level.WARNING,
                    () -> "NATS exception (" + url + "): " + exp);
        }

        @Override
        public void heartbeatAlarm(
                Connection conn,
                JetStreamSubscription sub,
                long lastStreamSequence,
                long lastConsumerSequence) {
            LOG.fine(() -> "NATS pull heartbeat missed (" + url + ")");
        }
    }
}
