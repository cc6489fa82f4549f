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
 * reads and writes with the driver's write concern and timeouts (docs/architecture.md, "The
 * store").
 */
@ApplicationScoped
public class DocumentManagerProducer {

    // Not disposed: the manager's close does nothing, and MongoStore's disposer closes the client.
    @Produces
    @ApplicationScoped
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION)
    @Database(DatabaseType.DOCUMENT)
    DatabaseManager documents(MongoStore store) {
        return new MongoDBDocumentConfiguration()
                .get(store.client())
                .apply(store.database().getName());
    }
}
