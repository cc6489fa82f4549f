package dev.ticketing.store.embedded;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.stream.Stream;

/**
 * mongo-java-server's in-memory backend with the secondary indexes it leaves out ({@link
 * SortedIndex}, read by {@link IndexPlanner}): what tests run on.
 */
final class IndexedMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {
        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(
                String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new SortedIndex<>(indexName, keys, sparse);
        }
    }

    private static final class Collection extends MemoryCollection {
        Collection(
                MemoryDatabase database,
                String collectionName,
                CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        // The stock code leaves these unsynchronized; they read or change the indexes' entries,
        // which, unlike the stock structures, are not safe for concurrent use.
        @Override
        public synchronized int count(Document query, int skip, int limit) {
            return super.count(query, skip, limit);
        }

        @Override
        public synchronized void addIndex(Index<Integer> index) {
            super.addIndex(index);
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query,
                Document orderBy,
                int numberToSkip,
                int limit,
                int batchSize,
                Document fieldSelector) {
            return IndexPlanner.query(
                    getFullName(),
                    getIndexes(),
                    query,
                    orderBy,
                    numberToSkip,
                    new IndexPlanner.Collection<>() {
                        @Override
                        public Document read(Integer position) {
                            return getDocument(position);
                        }

                        @Override
                        public QueryResult match(
                                Stream<Document> documents, Document order, int skip) {
                            return matchDocumentsFromStream(
                                    documents, query, order, skip, limit, batchSize, fieldSelector);
                        }

                        @Override
                        public QueryResult scan() {
                            return Collection.super.queryDocuments(
                                    query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }
                    });
        }
    }
}
