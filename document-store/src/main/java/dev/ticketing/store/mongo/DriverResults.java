package dev.ticketing.store.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.jnosql.communication.Value;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;
import org.eclipse.jnosql.communication.semistructured.Element;
import org.eclipse.jnosql.mapping.semistructured.EntityConverter;

/**
 * Maps a document the driver returned onto the service's Jakarta NoSQL entity, through JNoSQL's own
 * converter: a find-and-modify (a claim, a conditional state change), which JNoSQL 1.1 cannot ask
 * for, answers with the document as changed, and the aggregate is then mapped one way whichever API
 * read it.
 */
@ApplicationScoped
public class DriverResults {

    @Inject EntityConverter converter;

    /**
     * {@code document}, read from {@code collection}, as an instance of the entity {@code type}.
     */
    public <T> T toEntity(Class<T> type, String collection, Document document) {
        return converter.toEntity(type, CommunicationEntity.of(collection, elements(document)));
    }

    /**
     * What JNoSQL's MongoDB manager makes of a document it reads (its {@code MongoDBUtils.of},
     * which is not public): null fields left out, a sub-document as its list of elements, an array
     * of sub-documents as a list of such lists, binary content as bytes.
     */
    static List<Element> elements(Map<String, ?> document) {
        List<Element> elements = new ArrayList<>(document.size());
        document.forEach(
                (name, value) -> {
                    if (value != null) {
                        elements.add(element(name, value));
                    }
                });
        return elements;
    }

    private static Element element(String name, Object value) {
        if (value instanceof Document sub) {
            return Element.of(name, elements(sub));
        }
        if (value instanceof Iterable<?> items
                && StreamSupport.stream(items.spliterator(), false)
                        .allMatch(Document.class::isInstance)) {
            List<List<Element>> subs = new ArrayList<>();
            for (Object item : items) {
                subs.add(
                        ((Document) item)
                                .entrySet().stream()
                                        .map(e -> Element.of(e.getKey(), e.getValue()))
                                        .toList());
            }
            return Element.of(name, subs);
        }
        return Element.of(name, Value.of(value instanceof Binary b ? b.getData() : value));
    }
}
