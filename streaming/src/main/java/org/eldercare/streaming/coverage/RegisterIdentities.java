package org.eldercare.streaming.coverage;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.search.register.PersonDocument;

/**
 * Files each register entry, keyed by {@code personId}, under the person it names (docs/CONTRACT.md §7.5): the keyed
 * ID digest when it has an ID number, else the entry itself. An entry whose digest changed leaves the identity it
 * was filed under before, so that person no longer counts it.
 */
public final class RegisterIdentities extends KeyedProcessFunction<String, PersonDocument, EntryUpdate> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<String> filedUnder;

    /** The identity of an entry: {@code id/<digest>}, or {@code person/<personId>} without an ID number. */
    public static String identity(PersonDocument doc) {
        return doc.idNumberDigest() == null ? "person/" + doc.personId() : digestIdentity(doc.idNumberDigest());
    }

    /** The identity of whoever holds this keyed ID digest. */
    public static String digestIdentity(String digest) {
        return "id/" + digest;
    }

    @Override
    public void open(OpenContext context) {
        filedUnder = getRuntimeContext().getState(new ValueStateDescriptor<>("coverage-identity", Types.STRING));
    }

    @Override
    public void processElement(PersonDocument doc, Context ctx, Collector<EntryUpdate> out) throws Exception {
        String identity = identity(doc);
        String before = filedUnder.value();
        if (before != null && !before.equals(identity)) {
            out.collect(new EntryUpdate(before, doc.personId(), null));
        }
        filedUnder.update(identity);
        out.collect(new EntryUpdate(
                identity,
                doc.personId(),
                new RegisterEntry(
                        doc.personId(),
                        doc.streetCode(),
                        doc.districtCode(),
                        CoverageShare.mask(doc.labels()),
                        doc.updatedAt().toInstant().toEpochMilli())));
    }
}
