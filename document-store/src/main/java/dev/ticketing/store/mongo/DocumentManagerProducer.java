package dev.ticketing.store.mongo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;

/**
 * Jakarta NoSQL's document manager over the service's one {@link MongoStore} client, in place of
 * the one JNoSQL would build from the same settings: one connection pool per service, and JNoSQL's
 * reads and writes with the driver's write concern and timeouts (docs/architecture.md, "Data").
 *
 * <p>The priority that selects the alternative producer is on the class: CDI 4.0 (Liberty's
 * cdi-4.0) selects an alternative producer method by its declaring class's {@code @Priority}, and
 * one on the method alone (CDI 4.1) left the alternative unselected, so JNoSQL built a second
 * client with the driver's defaults (30 s to fail on a store that is gone, the URL's write concern
 * instead of majority).
 */
@ApplicationScoped
@Priority(Interceptor.Priority.APPLICATION)
public class DocumentManagerProducer {

    // Not disposed: the manager's close does nothing, and MongoStore's disposer closes the client.
    @Produces
    @ApplicationScoped
    @Alternative
    @Database(DatabaseType.DOCUMENT)
    DatabaseManager documents(MongoStore store) {
        return new MongoDBDocumentConfiguration()
                .get(store.client())
                .apply(store.database().getName());
    }
}
