package dev.ticketing.store.mongo;

import org.eclipse.jnosql.communication.Value;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.Element;

/** Query conditions Jakarta NoSQL's builders refuse to build. */
public final class Criteria {
    private Criteria() {}

    /**
     * {@code field} is null or absent. {@code CriteriaCondition.eq} and the fluent {@code eq}
     * refuse a null value; the condition itself is fine, and MongoDB matches it on both.
     */
    public static CriteriaCondition isNull(String field) {
        return CriteriaCondition.eq(Element.of(field, Value.ofNull()));
    }

    /** {@code field} is present and not null. */
    public static CriteriaCondition isPresent(String field) {
        return isNull(field).negate();
    }
}
