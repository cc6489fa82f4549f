package dev.ticketing.store.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Chooses which documents a query visits, from the {@link SortedIndex}es of a collection, the way
 * MongoDB's planner would for the queries this product makes: equality on an index's leading keys,
 * then a range on the next one, and a sort that the index's order already gives.
 *
 * <p>Whatever it chooses is a superset of the answer in the right order: the collection still
 * matches every visited document against the whole query, so bounds here may be loose (they are
 * inclusive, and ignore what they cannot read, such as {@code $ne} of anything but null or an
 * {@code $or} over several fields), never too tight.
 */
final class IndexPlanner {
    /** A bounded scan that visits at most this many entries is read whole, then sorted. */
    static final int SMALL_SCAN = 2_000;

    private IndexPlanner() {}

    /**
     * Which positions to visit; whether they come in the query's sort order already; and whether
     * every one of them matches (the query is only equalities the index bounds), so a skip may pass
     * positions without reading their documents.
     */
    record Plan<P>(Iterable<P> positions, boolean ordered, boolean exact) {
        Plan(Iterable<P> positions, boolean ordered) {
            this(positions, ordered, false);
        }
    }

    /** How a collection reads a document and matches a stream of them; its own scan. */
    interface Collection<P> {
        Document read(P position);

        QueryResult match(Stream<Document> documents, Document orderBy, int skip);

        QueryResult scan();
    }

    private static final Logger LOG = Logger.getLogger(IndexPlanner.class.getName());

    /** Queries at least this slow are logged, with what they read: {@value}. */
    static final String SLOW_MS = "ticketing.store.slow.query.ms";

    private static final long SLOW_NANOS = Long.getLong(SLOW_MS, 200) * 1_000_000;

    /** Answers a query through the plan, or the collection's scan when there is none. */
    static <P> QueryResult query(
            String name,
            List<Index<P>> indexes,
            Document query,
            Document orderBy,
            int skip,
            Collection<P> collection) {
        long start = System.nanoTime();
        Plan<P> plan = plan(indexes, query, orderBy);
        int[] read = {0};
        QueryResult result;
        if (plan == null) {
            result = collection.scan();
        } else {
            Stream<P> positions = StreamSupport.stream(plan.positions().spliterator(), false);
            int left = skip;
            if (plan.exact() && plan.ordered()) {
                positions = positions.skip(skip);
                left = 0;
            }
            Stream<Document> documents =
                    positions.map(
                            p -> {
                                read[0]++;
                                return collection.read(p);
                            });
            result = collection.match(documents, plan.ordered() ? null : orderBy, left);
        }
        long took = System.nanoTime() - start;
        if (took >= SLOW_NANOS) {
            LOG.info(
                    String.format(
                            "slow query: %d ms on %s, %s, filter %s, sort %s, skip %d",
                            took / 1_000_000,
                            name,
                            plan == null
                                    ? "whole collection scanned"
                                    : (plan.ordered() ? "in index order" : "index bounds")
                                            + ", "
                                            + read[0]
                                            + " documents read",
                            query,
                            orderBy,
                            skip));
        }
        return result;
    }

    /**
     * The plan for a query, or null when no secondary index narrows it (the collection then scans
     * as before) or another index answers it already (a lookup by {@code _id}).
     */
    static <P> Plan<P> plan(List<Index<P>> indexes, Document query, Document orderBy) {
        if (isNatural(orderBy)) {
            return null;
        }
        Map<String, Range> single = ranges(query, false);
        Map<String, Range> multi = ranges(query, true);
        List<SortedIndex<P>> sorted = new ArrayList<>();
        for (Index<P> index : indexes) {
            if (index instanceof SortedIndex<P> s) {
                sorted.add(s);
            } else if (index.canHandle(query)) {
                return null;
            } else {
                // {_id: x, version: 3}: the unique index finds the one candidate by x.
                Document probe = probe(index, multi);
                if (probe != null && index.canHandle(probe)) {
                    return new Plan<>(index.getPositions(probe), false);
                }
            }
        }
        if (sorted.isEmpty()) {
            return null;
        }
        boolean sorting = orderBy != null && !orderBy.isEmpty();

        // The narrowest bounded scan, counted up to SMALL_SCAN entries.
        NavigableSet<SortedIndex.Entry<P>> narrowest = null;
        int narrowestCount = Integer.MAX_VALUE;
        boolean narrowestMultikey = false;
        for (SortedIndex<P> index : sorted) {
            NavigableSet<SortedIndex.Entry<P>> scan =
                    bounded(index, index.multikey() ? multi : single);
            if (scan == null) {
                continue;
            }
            int count = countUpTo(scan, SMALL_SCAN + 1);
            if (count < narrowestCount) {
                narrowest = scan;
                narrowestCount = count;
                narrowestMultikey = index.multikey();
            }
        }
        if (narrowest != null && (!sorting || narrowestCount <= SMALL_SCAN)) {
            return new Plan<>(positions(narrowest, narrowestMultikey), false);
        }
        if (sorting) {
            // Of the indexes in the sort's order, the one whose equalities narrow the most.
            NavigableSet<SortedIndex.Entry<P>> best = null;
            SortedIndex<P> bestIndex = null;
            int bestEqual = -1;
            for (SortedIndex<P> index : sorted) {
                NavigableSet<SortedIndex.Entry<P>> scan = inOrder(index, single, orderBy);
                int equal = equalities(index, single);
                if (scan != null && equal > bestEqual) {
                    best = scan;
                    bestIndex = index;
                    bestEqual = equal;
                }
            }
            if (best != null) {
                Set<String> held = new HashSet<>();
                bestIndex.indexKeys().subList(0, bestEqual).forEach(k -> held.add(k.getKey()));
                return new Plan<>(positions(best, false), true, onlyEqualities(query, held));
            }
        }
        return narrowest == null
                ? null
                : new Plan<>(positions(narrowest, narrowestMultikey), false);
    }

    /**
     * The query's equalities on all of a unique index's keys, as a lookup that index answers; null
     * when the query does not hold each of them to one plain value.
     */
    private static Document probe(Index<?> unique, Map<String, Range> where) {
        Document probe = new Document();
        for (IndexKey key : unique.getKeys()) {
            Range range = where.get(key.getKey());
            if (range == null
                    || !range.isEquality()
                    || range.low() == null
                    || range.low() instanceof Document
                    || range.low() instanceof java.util.Collection<?>) {
                return null;
            }
            probe.put(key.getKey(), range.low());
        }
        return probe;
    }

    private static boolean isNatural(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }

    private static <P> Iterable<P> positions(
            NavigableSet<SortedIndex.Entry<P>> scan, boolean multikey) {
        if (!multikey) {
            return () -> scan.stream().map(SortedIndex.Entry::position).iterator();
        }
        // A document with several matching array elements has several entries: visit it once.
        return () -> {
            Set<P> seen = new LinkedHashSet<>();
            scan.forEach(e -> seen.add(e.position()));
            return seen.iterator();
        };
    }

    private static int countUpTo(java.util.Collection<?> scan, int cap) {
        int n = 0;
        for (Iterator<?> it = scan.iterator(); it.hasNext() && n < cap; it.next()) {
            n++;
        }
        return n;
    }

    /**
     * The entries within the query's bounds on the index's leading keys (equalities, then one
     * range), or null when the query bounds not even the first key.
     */
    private static <P> NavigableSet<SortedIndex.Entry<P>> bounded(
            SortedIndex<P> index, Map<String, Range> where) {
        List<IndexKey> keys = index.indexKeys();
        Range first = where.get(keys.get(0).getKey());
        if (first == null || !index.covers(first)) {
            return null;
        }
        if (first.unbounded() && !first.notNull() && !index.declaredSparse()) {
            return null; // every document: no narrower than the collection
        }
        return scan(index, where, keys.size());
    }

    /**
     * The entries in the order of {@code orderBy}, when the index gives it: equalities on the keys
     * before the sorted ones, the sort keys next in the same (or all the opposite) directions; the
     * index orders ties by {@code _id} ascending. Null when it does not.
     */
    private static <P> NavigableSet<SortedIndex.Entry<P>> inOrder(
            SortedIndex<P> index, Map<String, Range> where, Document orderBy) {
        if (index.multikey()) {
            return null; // a document may sit at several places in its order
        }
        Range first = where.get(index.indexKeys().get(0).getKey());
        if (index.declaredSparse() && (first == null || !index.covers(first))) {
            return null; // the query may want documents it leaves out
        }
        List<IndexKey> keys = index.indexKeys();
        int equal = equalities(index, where);
        List<IndexKey> rest = new ArrayList<>(keys.subList(equal, keys.size()));
        if (rest.stream().noneMatch(k -> k.getKey().equals("_id"))) {
            rest.add(new IndexKey("_id", true));
        }
        List<String> fields = new ArrayList<>(orderBy.keySet());
        // Sort keys that the query holds equal on this index's leading keys order nothing.
        Set<String> held = new HashSet<>();
        keys.subList(0, equal).forEach(k -> held.add(k.getKey()));
        fields.removeIf(held::contains);
        if (fields.isEmpty() || fields.size() > rest.size()) {
            return null;
        }
        Boolean reversed = null;
        for (int i = 0; i < fields.size(); i++) {
            IndexKey key = rest.get(i);
            if (!key.getKey().equals(fields.get(i))) {
                return null;
            }
            boolean ascending = ((Number) orderBy.get(fields.get(i))).intValue() > 0;
            boolean opposite = ascending != key.isAscending();
            if (reversed == null) {
                reversed = opposite;
            } else if (reversed != opposite) {
                return null;
            }
        }
        NavigableSet<SortedIndex.Entry<P>> scan = scan(index, where, equal + 1);
        return reversed ? scan.descendingSet() : scan;
    }

    /** True when the query is nothing but plain equalities on the {@code held} fields. */
    private static boolean onlyEqualities(Document query, Set<String> held) {
        for (Map.Entry<String, Object> e : query.entrySet()) {
            Object value = e.getValue();
            if (e.getKey().equals("$and") && value instanceof java.util.Collection<?> all) {
                for (Object part : all) {
                    if (!(part instanceof Document d) || !onlyEqualities(d, held)) {
                        return false;
                    }
                }
                continue;
            }
            if (!held.contains(e.getKey())) {
                return false;
            }
            if (value instanceof Document d) {
                if (d.size() != 1 || !d.containsKey("$eq")) {
                    return false;
                }
                value = d.get("$eq");
            }
            if (value instanceof Document
                    || value instanceof java.util.Collection<?>
                    || value instanceof BsonRegularExpression) {
                return false;
            }
        }
        return true;
    }

    /** How many of the index's leading keys the query holds equal. */
    private static int equalities(SortedIndex<?> index, Map<String, Range> where) {
        List<IndexKey> keys = index.indexKeys();
        int equal = 0;
        while (equal < keys.size()
                && where.containsKey(keys.get(equal).getKey())
                && where.get(keys.get(equal).getKey()).isEquality()) {
            equal++;
        }
        return equal;
    }

    /**
     * The entries between the bounds that the query sets on the first {@code upTo} keys: the
     * leading equalities and the range that follows them; later keys are left open.
     */
    private static <P> NavigableSet<SortedIndex.Entry<P>> scan(
            SortedIndex<P> index, Map<String, Range> where, int upTo) {
        List<IndexKey> keys = index.indexKeys();
        Object[] from = new Object[keys.size()];
        Object[] to = new Object[keys.size()];
        boolean open = false;
        for (int i = 0; i < keys.size(); i++) {
            Range range = open || i >= upTo ? null : where.get(keys.get(i).getKey());
            if (range == null) {
                from[i] = SortedIndex.LOW;
                to[i] = SortedIndex.HIGH;
                open = true;
                continue;
            }
            Object low =
                    range.hasLow()
                            ? range.low()
                            : range.notNull() ? SortedIndex.ABOVE_NULL : SortedIndex.LOW;
            Object high = range.hasHigh() ? range.high() : SortedIndex.HIGH;
            // In a descending key's order the high values come first.
            from[i] = keys.get(i).isAscending() ? low : flip(high);
            to[i] =
                    keys.get(i).isAscending()
                            ? high
                            : flip(low == SortedIndex.ABOVE_NULL ? SortedIndex.LOW : low);
            open = !range.isEquality();
        }
        SortedIndex.Entry<P> first = new SortedIndex.Entry<>(from, SortedIndex.LOW, null);
        SortedIndex.Entry<P> last = new SortedIndex.Entry<>(to, SortedIndex.HIGH, null);
        if (index.entries().comparator().compare(first, last) > 0) {
            return Collections.emptyNavigableSet(); // bounds that nothing meets: x > 5 and x < 3
        }
        return index.entries().subSet(first, true, last, true);
    }

    private static Object flip(Object bound) {
        return bound == SortedIndex.LOW
                ? SortedIndex.HIGH
                : bound == SortedIndex.HIGH ? SortedIndex.LOW : bound;
    }

    /** Inclusive bounds on one field's values; a missing side is open. */
    record Range(
            Object low,
            boolean hasLow,
            Object high,
            boolean hasHigh,
            boolean exists,
            boolean notNull) {
        static final Range ANY = new Range(null, false, null, false, false, false);

        /** Present, with any value (null too): {@code $exists: true}. */
        static final Range PRESENT = new Range(null, false, null, false, true, false);

        /** Present and not null: {@code $ne: null}. */
        static final Range NOT_NULL = new Range(null, false, null, false, true, true);

        Range(Object low, boolean hasLow, Object high, boolean hasHigh) {
            this(low, hasLow, high, hasHigh, false, false);
        }

        /** No bound at all, not even on null. */
        boolean open() {
            return unbounded() && !exists && !notNull;
        }

        static Range exactly(Object value) {
            return new Range(value, true, value, true);
        }

        /** True when a document that lacks the field cannot match. */
        boolean excludesMissing() {
            return exists || notNull || (hasLow && low != null);
        }

        boolean unbounded() {
            return !hasLow && !hasHigh;
        }

        boolean isEquality() {
            return hasLow && hasHigh && COMPARE.compare(low, high) == 0;
        }

        /**
         * Both hold: the tighter side of each; on a field that may hold an array, one of them (an
         * equality, if either is), since different elements may meet each.
         */
        Range and(Range other, boolean multikey) {
            boolean present = exists || other.exists;
            boolean valued = notNull || other.notNull;
            if (multikey) {
                // An empty array is indexed as null yet is not null: only the presence is kept.
                Range one = unbounded() || (other.isEquality() && !isEquality()) ? other : this;
                return new Range(one.low, one.hasLow, one.high, one.hasHigh, present, false);
            }
            Object lo = low;
            boolean hasLo = hasLow;
            if (other.hasLow && (!hasLo || COMPARE.compare(other.low, lo) > 0)) {
                lo = other.low;
                hasLo = true;
            }
            Object hi = high;
            boolean hasHi = hasHigh;
            if (other.hasHigh && (!hasHi || COMPARE.compare(other.high, hi) < 0)) {
                hi = other.high;
                hasHi = true;
            }
            return new Range(lo, hasLo, hi, hasHi, present, valued);
        }

        /** Either holds: what covers both. */
        Range or(Range other) {
            boolean hasLo = hasLow && other.hasLow;
            boolean hasHi = hasHigh && other.hasHigh;
            return new Range(
                    hasLo ? (COMPARE.compare(low, other.low) <= 0 ? low : other.low) : null,
                    hasLo,
                    hasHi ? (COMPARE.compare(high, other.high) >= 0 ? high : other.high) : null,
                    hasHi,
                    exists && other.exists,
                    notNull && other.notNull);
        }
    }

    private static final ValueComparator COMPARE = ValueComparator.asc();

    /**
     * The bounds a query sets on each field it constrains in every case. With {@code multikey}, a
     * field may hold an array, whose elements may each meet another condition ({@code tags >= "t"}
     * and {@code tags <= "b"} both hold for ["a", "u"]): then conditions are not intersected, one
     * of them bounds the field.
     */
    static Map<String, Range> ranges(Document query, boolean multikey) {
        Map<String, Range> where = new LinkedHashMap<>();
        if (query == null) {
            return where;
        }
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String field = e.getKey();
            Object value = e.getValue();
            if (field.equals("$and") && value instanceof java.util.Collection<?> all) {
                for (Object part : all) {
                    if (part instanceof Document d) {
                        ranges(d, multikey)
                                .forEach((f, r) -> where.merge(f, r, (a, b) -> a.and(b, multikey)));
                    }
                }
            } else if (field.equals("$or") && value instanceof java.util.Collection<?> any) {
                either(any, multikey)
                        .forEach((f, r) -> where.merge(f, r, (a, b) -> a.and(b, multikey)));
            } else if (!field.startsWith("$")) {
                Range range = rangeOf(value, multikey);
                if (range != null && !range.open()) {
                    where.merge(field, range, (a, b) -> a.and(b, multikey));
                }
            }
        }
        return where;
    }

    /** The fields every branch of an {@code $or} bounds, each by what covers all its branches. */
    private static Map<String, Range> either(java.util.Collection<?> branches, boolean multikey) {
        Map<String, Range> common = null;
        for (Object branch : branches) {
            if (!(branch instanceof Document d)) {
                return Map.of();
            }
            Map<String, Range> these = ranges(d, multikey);
            if (common == null) {
                common = new HashMap<>(these);
            } else {
                common.keySet().retainAll(these.keySet());
                common.replaceAll((f, r) -> r.or(these.get(f)));
            }
        }
        return common == null ? Map.of() : common;
    }

    /** What one field's condition bounds, or null when it cannot say. */
    private static Range rangeOf(Object value, boolean multikey) {
        if (value instanceof BsonRegularExpression regex) {
            return prefix(regex);
        }
        if (value instanceof java.util.Collection<?>) {
            return null; // an array compared whole, or element by element: not read here
        }
        if (!(value instanceof Document d)
                || d.keySet().stream().noneMatch(k -> k.startsWith("$"))) {
            return Range.exactly(value);
        }
        if (d.containsKey("$regex")) {
            return prefix(BsonRegularExpression.convertToRegularExpression(d));
        }
        Range range = Range.ANY;
        for (Map.Entry<String, Object> op : d.entrySet()) {
            Object operand = op.getValue();
            switch (op.getKey()) {
                case "$eq" -> {
                    if (!(operand instanceof java.util.Collection<?>)) {
                        range = range.and(Range.exactly(operand), multikey);
                    }
                }
                // A comparison matches only values of its operand's type (numbers together), so
                // never a missing or null value: $lt starts above null.
                case "$gt", "$gte" ->
                        range =
                                range.and(
                                        new Range(
                                                operand,
                                                true,
                                                null,
                                                false,
                                                typed(operand),
                                                typed(operand)),
                                        multikey);
                case "$lt", "$lte" ->
                        range =
                                range.and(
                                        new Range(
                                                null,
                                                false,
                                                operand,
                                                true,
                                                typed(operand),
                                                typed(operand)),
                                        multikey);
                case "$in" -> {
                    if (operand instanceof java.util.Collection<?> values && !values.isEmpty()) {
                        Range hull = null;
                        for (Object v : values) {
                            if (v instanceof java.util.Collection<?>
                                    || BsonRegularExpression.isRegularExpression(v)) {
                                hull = null;
                                break;
                            }
                            Range one = Range.exactly(v);
                            hull = hull == null ? one : hull.or(one);
                        }
                        if (hull != null) {
                            range = range.and(hull, multikey);
                        }
                    }
                }
                case "$exists" -> {
                    if (Boolean.FALSE.equals(operand)
                            || (operand instanceof Number n && n.intValue() == 0)) {
                        range = range.and(Range.exactly(null), multikey); // indexed as null
                    } else {
                        range = range.and(Range.PRESENT, multikey);
                    }
                }
                case "$ne" -> {
                    if (operand == null) {
                        range = range.and(Range.NOT_NULL, multikey);
                    }
                }
                default -> {
                    // other $ne, $not, $elemMatch, $size, $type...: left to the matcher
                }
            }
        }
        return range;
    }

    /** Whether a comparison with this operand only matches values of its type. */
    private static boolean typed(Object operand) {
        return operand != null
                && !(operand instanceof de.bwaldvogel.mongo.bson.MinKey)
                && !(operand instanceof de.bwaldvogel.mongo.bson.MaxKey);
    }

    /**
     * An anchored pattern's literal start, as a range of strings: {@code ^rock} covers "rock" up to
     * "rock\uffff". Null when the pattern is not anchored at the start of the string.
     */
    private static Range prefix(BsonRegularExpression regex) {
        String options = regex.getOptions() == null ? "" : regex.getOptions();
        String pattern = regex.getPattern();
        if (!pattern.startsWith("^") || options.matches(".*[imx].*") || pattern.contains("|")) {
            return null; // not anchored, or an alternative may not be
        }
        StringBuilder literal = new StringBuilder();
        int i = 1;
        if (pattern.startsWith("\\Q", i)) {
            int end = pattern.indexOf("\\E", i + 2);
            literal.append(end < 0 ? pattern.substring(i + 2) : pattern.substring(i + 2, end));
            if (end >= 0
                    && end + 2 < pattern.length()
                    && "*?{".indexOf(pattern.charAt(end + 2)) >= 0
                    && literal.length() > 0) {
                literal.setLength(literal.length() - 1); // that character may be absent
            }
        } else {
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (c == '\\'
                        && i + 1 < pattern.length()
                        && !Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                    literal.append(pattern.charAt(i + 1));
                    i += 2;
                } else if ("*?{".indexOf(c) >= 0) {
                    if (literal.length() > 0) {
                        literal.setLength(literal.length() - 1); // that character may be absent
                    }
                    break;
                } else if (".^$+()[]|\\".indexOf(c) >= 0) {
                    break;
                } else {
                    literal.append(c);
                    i++;
                }
            }
        }
        if (literal.length() == 0) {
            return null;
        }
        return new Range(literal.toString(), true, literal + "\uffff", true);
    }
}
