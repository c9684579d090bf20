package org.eldercare.streaming.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.streaming.recipient.RecipientEntry;

/**
 * Turns the {@code recipients} documents of the resolution, keyed by recipient id, into who was served under which
 * keyed ID digest: the same join as the worklist (docs/CONTRACT.md §7.4, §7.5), a recipient's {@code idHashes}
 * with its {@code lastServiceAt}, which already covers every record filed under it, those without an ID number and
 * those of recipients merged into it. Only changes are sent on; a redirect (a merged-away id) withdraws every digest
 * the id held.
 */
public final class RecipientDigests extends KeyedProcessFunction<String, RecipientEntry, ServedUpdate> {

    private static final long serialVersionUID = 1L;

    private transient MapState<String, Long> lastServiceByDigest;

    /** The key of a recipients document: the recipient id it is about. */
    public static String key(RecipientEntry entry) {
        return entry.person().recipientId();
    }

    @Override
    public void open(OpenContext context) {
        lastServiceByDigest =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("served-digests", Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(RecipientEntry entry, Context ctx, Collector<ServedUpdate> out) throws Exception {
        String recipientId = ctx.getCurrentKey();
        Set<String> held = new HashSet<>();
        Long last = null;
        if (!entry.isRedirect() && entry.person().idHashes() != null) {
            held.addAll(entry.person().idHashes());
            String at = entry.person().lastServiceAt();
            last = at == null ? null : Instant.parse(at).toEpochMilli();
        }
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, Long> e : lastServiceByDigest.entries()) {
            if (!held.contains(e.getKey())) {
                gone.add(e.getKey());
            }
        }
        for (String digest : gone) {
            lastServiceByDigest.remove(digest);
            out.collect(new ServedUpdate(RegisterIdentities.digestIdentity(digest), recipientId, null));
        }
        if (last == null) {
            return;
        }
        for (String digest : held) {
            if (!last.equals(lastServiceByDigest.get(digest))) {
                lastServiceByDigest.put(digest, last);
                out.collect(new ServedUpdate(RegisterIdentities.digestIdentity(digest), recipientId, last));
            }
        }
    }
}
