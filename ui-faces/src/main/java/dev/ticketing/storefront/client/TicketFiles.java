package dev.ticketing.storefront.client;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * catalog-service's ticket files (docs/api.md, "Delivery and payouts"): raw bytes whose type is the
 * file's own, which the typed JSON client cannot send, so the plain JAX-RS client with the same
 * session forwarding and the same error envelope reading.
 */
@ApplicationScoped
public class TicketFiles {

    @Inject SessionForwarding session;

    @Inject
    @ConfigProperty(name = "tickets/mp-rest/uri")
    String ticketsUri;

    private Client client;

    /** A downloaded file: its type, the name to save it under, its bytes. */
    public record Download(String type, String disposition, byte[] content) {}

    @PostConstruct
    void open() {
        // An upload of 5 MiB may take a while on a slow link between the storefront and the API.
        client =
                ClientBuilder.newBuilder()
                        .connectTimeout(3, TimeUnit.SECONDS)
                        .readTimeout(30, TimeUnit.SECONDS)
                        .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Attaches {@code content} of {@code type} to the caller's listing; ApiException if refused.
     */
    public void attach(String ticketId, String type, byte[] content) {
        try (Response reply = file(ticketId).put(Entity.entity(content, type))) {
            if (reply.getStatus() >= 300) {
                throw new ApiErrorMapper().toThrowable(reply);
            }
        }
    }

    /** The listing's file, for its seller or the buyer of its completed sale. */
    public Download download(String ticketId) {
        try (Response reply = file(ticketId).get()) {
            if (reply.getStatus() != 200) {
                throw new ApiErrorMapper().toThrowable(reply);
            }
            return new Download(
                    reply.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    reply.getHeaderString("Content-Disposition"),
                    reply.readEntity(byte[].class));
        }
    }

    private Invocation.Builder file(String ticketId) {
        Invocation.Builder request =
                client.target(ticketsUri)
                        .path("{id}/file")
                        .resolveTemplate("id", ticketId)
                        .request();
        session.update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>())
                .forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        return request;
    }
}
