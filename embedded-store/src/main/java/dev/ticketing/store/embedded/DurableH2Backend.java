package dev.ticketing.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made durable: every write command is committed to the MVStore file
 * and synced to disk before its reply goes out. The stock backend commits in the background about
 * once a second, so a {@code kill -9} of the store right after writes the client saw acknowledged
 * loses them (24 of 299 in CrashDurabilityTest's scenario). Writes that arrive while a sync runs
 * share the next one (group commit), so concurrent clients pay one fsync per round, not one each.
 */
final class DurableH2Backend extends H2Backend {
    /**
     * The commands that change data; everything else (reads, pings, handshakes) needs no commit.
     */
    private static final Set<String> WRITES =
            Set.of(
                    "insert",
                    "update",
                    "delete",
                    "findandmodify",
                    "createindexes",
                    "dropindexes",
                    "drop",
                    "dropdatabase",
                    "create",
                    "renamecollection");

    private final MVStore store;
    private final boolean fsync;
    private final Object rounds = new Object();
    private long registered;
    private long durable;
    private boolean syncing;

    /**
     * @param fsync true: synced to disk (survives the machine losing power); false: committed to
     *     the file (survives the process dying, which is what a laptop's store needs)
     */
    DurableH2Backend(String fileName, boolean fsync) {
        this(new MVStore.Builder().fileName(fileName).open(), fsync);
    }

    private DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName);
    }

    /**
     * The stock H2 database, with the secondary indexes it leaves out ({@link SortedIndex}, kept in
     * memory and rebuilt from the documents when the store opens). An inner class: the stock
     * constructors open the databases and their collections before a subclass's fields are set, so
     * this one reads the MVStore from the backend.
     */
    private final class IndexedDatabase extends H2Database {
        IndexedDatabase(String databaseName) {
            super(
                    databaseName,
                    DurableH2Backend.this.getMvStore(),
                    DurableH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(
                String collectionName, CollectionOptions options) {
            // The stock backend's map names, so that files written before keep their data.
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore files = DurableH2Backend.this.getMvStore();
            MVMap<Object, Document> dataMap = files.openMap("databases." + fullName);
            MVMap<String, Object> metaMap = files.openMap("meta." + fullName);
            return new IndexedCollection(
                    this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new SortedIndex<>(indexName, keys, sparse);
        }
    }

    private static final class IndexedCollection extends H2Collection {
        IndexedCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> dataMap,
                MVMap<String, Object> metaMap,
                de.bwaldvogel.mongo.backend.CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        // The stock code leaves these unsynchronized; they read or change the indexes' entries,
        // which, unlike the stock structures, are not safe for concurrent use.
        @Override
        public synchronized int count(Document query, int skip, int limit) {
            return super.count(query, skip, limit);
        }

        @Override
        public synchronized void addIndex(Index<Object> index) {
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
                        public Document read(Object position) {
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
                            return IndexedCollection.super.queryDocuments(
                                    query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }
                    });
        }
    }

    @Override
    public Document handleCommand(
            Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                makeDurable(); // before the reply: a crash after it cannot undo the write
            }
        }
    }

    /**
     * Returns once a commit (and sync) that began after this write was applied has finished. The
     * first waiter of a round commits for everyone registered before it started; the others wait.
     */
    private void makeDurable() {
        long mine;
        synchronized (rounds) {
            mine = ++registered;
        }
        while (true) {
            long target;
            synchronized (rounds) {
                while (syncing && durable < mine) {
                    try {
                        rounds.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (durable >= mine) {
                    return;
                }
                syncing = true;
                target = registered;
            }
            try {
                store.commit();
                if (fsync) {
                    store.sync();
                }
            } finally {
                synchronized (rounds) {
                    durable = Math.max(durable, target);
                    syncing = false;
                    rounds.notifyAll();
                }
            }
        }
    }
}
