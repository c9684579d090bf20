package org.eldercare.search.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Values for a {@code terms} query, in chunks small enough for one query each. Elasticsearch refuses a terms query of
 * more than {@code index.max_terms_count} (65,536) values, and a long one is slow to parse; readers that join many ids
 * or digests send them {@value #SIZE} at a time.
 */
public final class TermsChunks {

    /** The most values one terms query carries. */
    public static final int SIZE = 1_000;

    private TermsChunks() {}

    /** {@code values} in order, cut into lists of at most {@value #SIZE}; none for no values. */
    public static List<List<FieldValue>> of(List<String> values) {
        List<List<FieldValue>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += SIZE) {
            chunks.add(values.subList(from, Math.min(values.size(), from + SIZE)).stream()
                    .map(FieldValue::of)
                    .toList());
        }
        return chunks;
    }
}
