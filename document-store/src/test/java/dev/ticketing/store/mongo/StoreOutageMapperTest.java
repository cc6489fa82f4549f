package dev.ticketing.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import dev.ticketing.common.errors.Problems;
import jakarta.ws.rs.core.Response;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class StoreOutageMapperTest {

    private final StoreOutageMapper mapper = new StoreOutageMapper();

    @Test
    void aStoreThatCannotBeFoundIsServiceUnavailableWithWhenToRetry() {
        Response response =
                mapper.toResponse(
                        new MongoTimeoutException(
                                "Timed out after 5000 ms while waiting for a server"));

        assertEquals(503, response.getStatus());
        assertEquals("{\"errors\":[{\"message\":\"Service unavailable\"}]}", response.getEntity());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertNull(response.getHeaderString(Problems.INCIDENT_HEADER), "not an incident");
    }

    @Test
    void aConnectionLostMidRequestIsServiceUnavailable() {
        Response response =
                mapper.toResponse(
                        new MongoSocketReadException(
                                "Prematurely reached end of stream", new ServerAddress()));

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
    }

    @Test
    void aStoreThatAnswersWithAnErrorIsUnexpected() {
        Response response =
                mapper.toResponse(
                        new MongoWriteException(
                                new WriteError(2, "bad update", new BsonDocument()),
                                new ServerAddress()));

        assertEquals(500, response.getStatus());
        assertEquals("{\"errors\":[{\"message\":\"Something went wrong\"}]}", response.getEntity());
        assertNotNull(response.getHeaderString(Problems.INCIDENT_HEADER));
        assertNull(response.getHeaderString("Retry-After"));
    }
}
