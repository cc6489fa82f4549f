package dev.ticketing.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A secondary (non-unique) index that mongo-java-server ignores: its entries are kept in key order
 * in memory, one per document (or per array element, for a field holding an array), and rebuilt
 * from the documents whenever the collection opens. {@link IndexPlanner} reads them so that a query
 * visits the documents in its bounds, and a sorted query with a limit stops after its page, instead
 * of matching and sorting the whole collection. Entries are ordered by the index's keys in their
 * directions, then by {@code _id}, which also finds a document's entries again on removal.
 */
final class SortedIndex<P> extends Index<P> {
    /** Bound markers: lower and higher than every value, whatever the key's direction. */
    static final Object LOW = new Object();

    static final Object HIGH = new Object();

    /**
     * Just above null (and a missing value, indexed as null) in an ascending key: where {@code $ne:
     * null} starts.
     */
    static final Object ABOVE_NULL = new Object();

    private final List<IndexKey> keys;
    private final NavigableSet<Entry<P>> entries;
    private boolean multikey;

    /**
     * Sparse to the stock code, as the index it replaces was: a removal is then decided by the
     * {@code _id} index alone.
     *
     * @param sparse as declared: a document that has none of the keys is left out, as MongoDB does,
     *     and the planner uses the index only for conditions that a document without its first key
     *     cannot meet. Otherwise every document is indexed, a missing value as null.
     */
    SortedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, true);
        this.keys = List.copyOf(keys);
        this.entries = new TreeSet<>(order(keys));
        this.declaredSparse = sparse;
    }

    private final boolean declaredSparse;

    boolean declaredSparse() {
        return declaredSparse;
    }

    /**
     * Whether every document that meets these bounds on the first key has entries here: always,
     * unless the index is sparse and a document without the field could meet them.
     */
    boolean covers(IndexPlanner.Range first) {
        return !declaredSparse || first.excludesMissing();
    }

    /** One entry: the document's values for the keys, its id, and where the collection keeps it. */
    record Entry<P>(Object[] values, Object id, P position) {}

    List<IndexKey> indexKeys() {
        return keys;
    }

    /** True once a document had an array under a key: then entries are not one per document. */
    boolean multikey() {
        return multikey;
    }

    NavigableSet<Entry<P>> entries() {
        return entries;
    }

    private static <P> Comparator<Entry<P>> order(List<IndexKey> keys) {
        List<Comparator<Object>> perKey = new ArrayList<>();
        for (IndexKey key : keys) {
            perKey.add(bounded(key.isAscending() ? ValueComparator.asc() : ValueComparator.desc()));
        }
        Comparator<Object> ids = bounded(ValueComparator.asc());
        return (a, b) -> {
            for (int i = 0; i < perKey.size(); i++) {
                int c = perKey.get(i).compare(a.values()[i], b.values()[i]);
                if (c != 0) {
                    return c;
                }
            }
            return ids.compare(a.id(), b.id());
        };
    }

    private static Comparator<Object> bounded(Comparator<Object> values) {
        return (a, b) -> {
            if (a == b) {
                return 0;
            }
            if (a == LOW || b == HIGH) {
                return -1;
            }
            if (a == HIGH || b == LOW) {
                return 1;
            }
            if (a == ABOVE_NULL) {
                return b == null || b instanceof MinKey ? 1 : -1;
            }
            if (b == ABOVE_NULL) {
                return a == null || a instanceof MinKey ? -1 : 1;
            }
            return values.compare(a, b);
        };
    }

    /** The entries of a document: one, or one per combination of its arrays' elements. */
    private List<Entry<P>> entriesOf(Document document, P position) {
        List<Object[]> combinations = new ArrayList<>();
        combinations.add(new Object[keys.size()]);
        boolean present = false;
        for (int i = 0; i < keys.size(); i++) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, keys.get(i).getKey());
            present |= !(value instanceof Missing);
            List<Object> values = new ArrayList<>();
            if (value instanceof Collection<?> many) {
                multikey = true;
                many.forEach(v -> values.add(Missing.isNullOrMissing(v) ? null : v));
                if (values.isEmpty()) {
                    values.add(null);
                }
            } else {
                values.add(Missing.isNullOrMissing(value) ? null : value);
            }
            List<Object[]> next = new ArrayList<>();
            for (Object[] prefix : combinations) {
                for (Object v : values) {
                    Object[] copy = prefix.clone();
                    copy[i] = v;
                    next.add(copy);
                }
            }
            combinations = next;
        }
        Object id = document.get("_id");
        List<Entry<P>> found = new ArrayList<>();
        if (declaredSparse && !present) {
            return found;
        }
        for (Object[] values : combinations) {
            found.add(new Entry<>(values, id, position));
        }
        return found;
    }

    @Override
    public P getPosition(Document document) {
        return null; // not unique: the collection finds a document through its _id index
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // nothing is refused: not unique
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        entries.addAll(entriesOf(document, position));
    }

    @Override
    public P remove(Document document) {
        P position = null;
        for (Entry<P> probe : entriesOf(document, null)) {
            Entry<P> stored = entries.floor(probe);
            if (stored != null && entries.comparator().compare(stored, probe) == 0) {
                entries.remove(stored);
                position = stored.position();
            }
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // the stock query path cannot use it; IndexPlanner does
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("read through IndexPlanner");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(
            Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // nothing is refused: not unique
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        entries.clear();
    }
}
