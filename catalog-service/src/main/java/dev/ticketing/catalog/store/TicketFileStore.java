package dev.ticketing.catalog.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.catalog.application.TicketFiles;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The {@value #COLLECTION} collection: one document per uploaded file, its bytes in one binary
 * field. A ticket file is at most 5 MiB, well under a document's 16 MiB, so GridFS's chunks would
 * buy nothing but a second collection and a non-atomic write. Through the driver: JNoSQL maps no
 * binary content.
 */
@ApplicationScoped
public class TicketFileStore implements TicketFiles {
    public static final String COLLECTION = "ticketFiles";

    @Inject MongoStore store;

    private MongoCollection<Document> files;

    @PostConstruct
    void open() {
        files = store.collection(COLLECTION);
    }

    @Override
    public void save(String fileId, String ticketId, String mediaType, byte[] content) {
        files.insertOne(
                new Document("_id", fileId)
                        .append("ticketId", ticketId)
                        .append("type", mediaType)
                        .append("size", content.length)
                        .append("storedAt", new Date())
                        .append("content", new Binary(content)));
    }

    @Override
    public Optional<byte[]> content(String fileId) {
        Document found = files.find(Filters.eq("_id", fileId)).first();
        return Optional.ofNullable(found).map(d -> d.get("content", Binary.class).getData());
    }

    @Override
    public void delete(String fileId) {
        files.deleteOne(Filters.eq("_id", fileId));
    }
}
