package dev.ticketing.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.testing.JakartaNoSqlContainer;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Map;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.mapping.DatabaseQualifier;
import org.junit.jupiter.api.Test;

/**
 * Jakarta NoSQL gets its document manager from {@link DocumentManagerProducer}, over the service's
 * one {@link MongoStore} client, and not from JNoSQL's own {@code DocumentManagerSupplier}, which
 * builds a second client from the same URL with the driver's defaults (30 s to fail on a stopped
 * store instead of 5, the URL's write concern instead of majority). In a CDI 4.0 container (Weld
 * 5.1, the version of Liberty's cdi-4.0) with both producers, as in a service's WAR: a priority on
 * the producer method alone, which only CDI 4.1 honours, left ours unselected (found on
 * 2026-12-07).
 */
class DocumentManagerProducerTest {
    /** Package-private in JNoSQL's MongoDB module; a bean of every service's WAR. */
    private static final String JNOSQLS_OWN =
            "org.eclipse.jnosql.databases.mongodb.mapping.DocumentManagerSupplier";

    @Test
    void jnosqlsDocumentManagerIsOursOverTheServicesOneClient() throws Exception {
        try (JakartaNoSqlContainer cdi =
                JakartaNoSqlContainer.start(
                        // never contacted: neither producer connects until a read or a write
                        Map.of(
                                "jnosql.mongodb.url", "mongodb://127.0.0.1:9",
                                "jnosql.document.database", "one-client"),
                        new Class<?>[] {MongoStoreProducer.class},
                        Class.forName(JNOSQLS_OWN))) {
            BeanManager beans = cdi.beans();
            Bean<?> documents =
                    beans.resolve(
                            beans.getBeans(DatabaseManager.class, DatabaseQualifier.ofDocument()));

            assertEquals(DocumentManagerProducer.class, documents.getBeanClass());
        }
    }
}
