package dev.ticketing.store.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

/**
 * Paging a sweep by the last document it saw (a keyset), not by skipping: each page is read through
 * an index on ({@code field}, {@code _id}) however far in it is, and a document that leaves the
 * query between pages (published, claimed, paid) moves none of the others out of the pages still to
 * come. {@code _id} breaks ties, so documents with the same {@code field} are neither read twice
 * nor passed over.
 */
public final class Keyset {
    private Keyset() {}

    /** The order the pages are read in: {@code field}, then {@code _id}, ascending. */
    public static Bson order(String field) {
        return Sorts.ascending(field, "_id");
    }

    /** The documents after the one at ({@code value}, {@code id}) in {@link #order(String)}. */
    public static Bson after(String field, Object value, Object id) {
        return Filters.or(
                Filters.gt(field, value),
                Filters.and(Filters.eq(field, value), Filters.gt("_id", id)));
    }
}
