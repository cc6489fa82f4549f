package dev.ticketing.store.mongo;

import jakarta.data.Sort;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;

/** The Jakarta NoSQL queries the stores ask again and again, built one way. */
public final class Queries {
    private Queries() {}

    /** Every document of {@code collection} matching {@code where}. */
    public static SelectQuery all(String collection, CriteriaCondition where) {
        return SelectQuery.builder().from(collection).where(where).build();
    }

    /** Whether any document matches: at most one is read. */
    public static SelectQuery any(String collection, CriteriaCondition where) {
        return SelectQuery.builder().from(collection).where(where).limit(1).build();
    }

    /**
     * The {@code max} documents matching {@code where} with the smallest {@code field}: a sweep's
     * page, oldest first, read through an index that ends in {@code field}.
     */
    public static SelectQuery oldestFirst(
            String collection, CriteriaCondition where, String field, int max) {
        return SelectQuery.builder()
                .from(collection)
                .where(where)
                .sort(Sort.asc(field))
                .limit(max)
                .build();
    }
}
