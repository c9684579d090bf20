package org.eldercare.streaming.recipient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IdentityReviewRequested;
import org.eldercare.ingest.event.IdentityReviewed;
import org.eldercare.ingest.event.ReviewDecision;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.resolve.Merge;
import org.eldercare.search.resolve.MergeLog;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.RecipientResolver;
import org.eldercare.search.resolve.Resolution;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.ReviewCase;
import org.eldercare.search.resolve.ReviewCaseDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * Resolves the recipient of each accepted {@code service.delivered} event into a person. Runs as a single instance
 * (all events under {@link #ALL}): a record is compared with every person sharing a blocking key, and one record can
 * join or merge persons filed under different keys, so the persons must all be in one place. The per-record work
 * (opening, normalising, digests, blocking keys) is done before, in parallel, by {@link PrepareRecipients}; a record
 * that arrives unprepared is prepared here. Emits the record's {@code service-records} document (id {@code operatorId:recordId})
 * and, on {@link #RECIPIENTS}, the person's {@code recipients} document.
 *
 * <p>A merge also rewrites the merged person's records under the kept id and writes a redirect document for every
 * id that now points elsewhere. A record key resolved before is not resolved again: its document and person are
 * re-emitted as they are, so a replay neither moves nor double-counts it. Persons, blocking keys, redirects and
 * records are keyed state with hand-written serializers, so a restore gives the same ids.
 *
 * <p>It also runs the identity review queue (docs/CONTRACT.md §7.6): the cases the resolver raises instead of
 * merging go to {@link #REVIEW_CASES}; {@code identity.reviewed} events confirm (merge) or split a case, and
 * {@code identity.review.requested} events open a case for two persons a hotline could not tell apart. Cases are
 * kept in state so that a decided case is never reopened and a decision is applied once.
 */
public final class ResolveRecipients extends KeyedProcessFunction<String, PreparedRecord, ServiceRecordDocument> {

    private static final long serialVersionUID = 1L;

    /** The one key of the resolver's state. */
    public static final String ALL = "recipients";

    public static final TypeInformation<ServiceRecordDocument> SERVICE_RECORD =
            new ImmutableTypeInfo<>(ServiceRecordDocument.class, ServiceRecordSerializer.INSTANCE);
    public static final TypeInformation<RecipientEntry> RECIPIENT =
            new ImmutableTypeInfo<>(RecipientEntry.class, RecipientEntrySerializer.INSTANCE);
    /** Every version of every person's document, in order: what coverage (docs/CONTRACT.md §7.5) is folded from. */
    public static final OutputTag<RecipientEntry> RECIPIENTS = new OutputTag<>("recipients", RECIPIENT);
    /**
     * The versions the {@code recipients} index is sent: those that differ from the last one sent in more than the
     * counters of the same day ({@link WrittenRecipients}, docs/CONTRACT.md §4).
     */
    public static final OutputTag<RecipientEntry> RECIPIENT_DOCUMENTS =
            new OutputTag<>("recipient-documents", RECIPIENT);

    public static final TypeInformation<ReviewCaseDocument> REVIEW_CASE =
            new ImmutableTypeInfo<>(ReviewCaseDocument.class, ReviewCaseSerializer.INSTANCE);
    /** Review cases raised, and decided (docs/CONTRACT.md §7.6), for the {@code review-cases} index. */
    public static final OutputTag<ReviewCaseDocument> REVIEW_CASES = new OutputTag<>("review-cases", REVIEW_CASE);
    /** Review decisions that cannot be applied (§7.6), for the dead letters. */
    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("review-rejections", StreamTypes.REJECTION);

    private static final TypeInformation<List<String>> IDS = Types.LIST(Types.STRING);
    private static final TypeInformation<Person> PERSON =
            new ImmutableTypeInfo<>(Person.class, PersonSerializer.INSTANCE);

    private final PiiSecrets pii;
    private final ResolutionThresholds thresholds;
    private transient RecipientTokeniser tokeniser;
    private transient RecipientNormalizer normalizer;
    private transient StatePersonStore store;
    private transient ResolvedRecords records;
    private transient ValueState<Integer> birthKeysForm;
    private transient MapState<String, ReviewCaseDocument> cases;
    /** Per current person, the open cases naming it, so a merge finds the cases it settles (§7.6). */
    private transient MapState<String, List<String>> casesByPerson;

    private transient WrittenRecipients written;

    /**
     * {@code pii} says where the keys are: the HMAC key of the digests and the keyring that opens sealed recipients.
     * They are read in {@link #open}, on the task, so they are never part of the job graph.
     */
    public ResolveRecipients(PiiSecrets pii, ResolutionThresholds thresholds) {
        this.pii = pii;
        this.thresholds = thresholds;
    }

    @Override
    public void open(OpenContext context) {
        tokeniser = pii.tokeniser();
        normalizer = new RecipientNormalizer(tokeniser.pii(), new Addresses(Regions.load()));
        var ctx = getRuntimeContext();
        store = new StatePersonStore(
                ctx.getMapState(new MapStateDescriptor<>("persons", Types.STRING, PERSON)),
                ctx.getMapState(new MapStateDescriptor<>("blocking-keys", Types.STRING, IDS)),
                ctx.getMapState(new MapStateDescriptor<>("redirects", Types.STRING, Types.STRING)),
                ctx.getMapState(new MapStateDescriptor<>("absorbed", Types.STRING, IDS)),
                ctx.getMapState(new MapStateDescriptor<>("splits", Types.STRING, IDS)));
        birthKeysForm = ctx.getState(new ValueStateDescriptor<>("birth-keys-form", Types.INT));
        cases = ctx.getMapState(new MapStateDescriptor<>("review-cases", Types.STRING, REVIEW_CASE));
        casesByPerson = ctx.getMapState(new MapStateDescriptor<>("review-cases-by-person", Types.STRING, IDS));
        written = new WrittenRecipients(
                ctx.getMapState(new MapStateDescriptor<>("written-recipients", Types.STRING, Types.LONG)));
        records = new ResolvedRecords(
                ctx.getMapState(new MapStateDescriptor<>("records", Types.STRING, SERVICE_RECORD)),
                ctx.getMapState(new MapStateDescriptor<>("records-by-person", Types.STRING, IDS)));
    }

    @Override
    public void processElement(PreparedRecord in, Context ctx, Collector<ServiceRecordDocument> out) throws Exception {
        CareEvent event = in.event();
        if (birthKeysForm.value() == null) {
            // Once per state: blocking keys of the first release held birth dates in clear (§6.7).
            store.upgradeLegacyBirthKeys(normalizer.pii());
            birthKeysForm.update(2);
        }
        if (event.type() == EventType.IDENTITY_REVIEWED) {
            applyReview(event, ctx, out);
            return;
        }
        if (event.type() == EventType.IDENTITY_REVIEW_REQUESTED) {
            IdentityReviewRequested request = event.dataAs(IdentityReviewRequested.class);
            new RecipientResolver(store, new MergeLog(), thresholds)
                    .reviewOf(
                            request.leftId(),
                            request.rightId(),
                            ReviewCase.Reason.POSSIBLE_MATCH,
                            event.time().toInstant())
                    .ifPresent(c -> raise(c, ctx));
            return;
        }
        ServiceDelivered record = event.dataAs(ServiceDelivered.class);
        String recordKey = ServiceRecordDocument.documentId(event.operatorId(), record.recordId());
        ServiceRecordDocument earlier = records.get(recordKey);
        if (earlier != null) {
            out.collect(earlier);
            store.get(earlier.recipientId())
                    .ifPresent(p -> publish(ctx, RecipientEntry.current(p, store.absorbedBy(p.recipientId()))));
            return;
        }
        PreparedRecord prepared = in.isPrepared() ? in : PreparedRecord.prepare(event, tokeniser, normalizer);
        NormalizedRecipient recipient = prepared.recipient();
        // A resolver per record: its merge log is this record's merges; the lasting history is the redirect state.
        Resolution resolution = new RecipientResolver(store, new MergeLog(), thresholds)
                .resolve(recordKey, record.startedAt().toInstant(), recipient, prepared.keys());
        ServiceRecordDocument document = ServiceRecordDocument.of(
                event.operatorId(), record, recipient, resolution, Instant.now().toString());
        records.add(document);
        out.collect(document);
        if (!resolution.merges().isEmpty()) {
            emitMerges(resolution.merges(), ctx, out);
        }
        String id = resolution.recipientId();
        publish(ctx, RecipientEntry.current(resolution.person(), store.absorbedBy(id)));
        resolution.reviews().forEach(c -> raise(c, ctx));
    }

    /** A version of a person's document: to coverage always, to the index when it shows something new. */
    private void publish(Context ctx, RecipientEntry entry) {
        ctx.output(RECIPIENTS, entry);
        if (written.changes(entry)) {
            ctx.output(RECIPIENT_DOCUMENTS, entry);
        }
    }

    /** Files an open case, unless a reviewer already decided it: a decided case is never reopened (§7.6). */
    private void raise(ReviewCase c, Context ctx) {
        ReviewCaseDocument known = State.get(cases, c.caseId());
        if (known != null && !known.status().equals(ReviewCaseDocument.OPEN)) {
            return;
        }
        ReviewCaseDocument open = ReviewCaseDocument.open(c, Instant.now().toString());
        State.put(cases, c.caseId(), open);
        fileUnder(c.left().recipientId(), List.of(c.caseId()));
        fileUnder(c.right().recipientId(), List.of(c.caseId()));
        ctx.output(REVIEW_CASES, open);
    }

    private void fileUnder(String recipientId, List<String> caseIds) {
        List<String> filed = new ArrayList<>(
                Optional.ofNullable(State.get(casesByPerson, recipientId)).orElse(List.of()));
        caseIds.stream().filter(id -> !filed.contains(id)).forEach(filed::add);
        State.put(casesByPerson, recipientId, List.copyOf(filed));
    }

    /**
     * After {@code retired} was merged away: its open cases whose two sides are now one person are closed as {@code
     * MERGED} (a later record settled them, §7.6); the others follow it to the person it now stands for.
     */
    private void settleCasesOf(String retired, Context ctx) {
        List<String> filed = State.get(casesByPerson, retired);
        if (filed == null) {
            return;
        }
        State.remove(casesByPerson, retired);
        List<String> stillOpen = new ArrayList<>();
        for (String caseId : filed) {
            ReviewCaseDocument known = State.get(cases, caseId);
            if (known == null || !known.status().equals(ReviewCaseDocument.OPEN)) {
                continue;
            }
            if (store.canonicalId(known.left().recipientId())
                    .equals(store.canonicalId(known.right().recipientId()))) {
                ReviewCaseDocument merged = known.mergedOnItsOwn(Instant.now().toString());
                State.put(cases, caseId, merged);
                ctx.output(REVIEW_CASES, merged);
            } else {
                stillOpen.add(caseId);
            }
        }
        if (!stillOpen.isEmpty()) {
            fileUnder(store.canonicalId(retired), stillOpen);
        }
    }

    /**
     * A reviewer's decision (docs/CONTRACT.md §7.6): CONFIRM merges the two through the merge path of every other
     * merge (records re-pointed, redirects written, the kept person re-published); SPLIT remembers the pair so it is
     * never merged automatically. Either way the case is closed and never reopened.
     */
    private void applyReview(CareEvent event, Context ctx, Collector<ServiceRecordDocument> out) {
        IdentityReviewed review = event.dataAs(IdentityReviewed.class);
        ReviewCaseDocument known = State.get(cases, review.caseId());
        if (known == null) {
            reject(ctx, event, "data.caseId: no review case " + review.caseId());
            return;
        }
        if (!known.status().equals(ReviewCaseDocument.OPEN)) {
            reject(ctx, event, "data.caseId: already decided (" + known.status() + ")");
            return;
        }
        RecipientResolver resolver = new RecipientResolver(store, new MergeLog(), thresholds);
        String status = review.decision() == ReviewDecision.CONFIRM ? "CONFIRMED" : "SPLIT";
        ReviewCaseDocument decided = known.decided(
                status,
                new ReviewCaseDocument.Decision(
                        review.decision().name(),
                        review.reviewer(),
                        review.reason(),
                        event.time().toInstant().toString()),
                Instant.now().toString());
        // Decided before it is applied: the confirm's own merge must not close this case as MERGED.
        State.put(cases, review.caseId(), decided);
        if (review.decision() == ReviewDecision.CONFIRM) {
            resolver.confirm(review.leftId(), review.rightId(), event.time().toInstant())
                    .ifPresent(merge -> {
                        emitMerges(List.of(merge), ctx, out);
                        store.get(merge.keptId())
                                .ifPresent(p ->
                                        publish(ctx, RecipientEntry.current(p, store.absorbedBy(p.recipientId()))));
                    });
        } else {
            resolver.split(review.leftId(), review.rightId());
        }
        ctx.output(REVIEW_CASES, decided);
    }

    private static void reject(Context ctx, CareEvent event, String reason) {
        ctx.output(
                REJECTED,
                new Rejection(
                        event.id(),
                        event.source(),
                        event.operatorId(),
                        event.type().wireName(),
                        List.of(reason),
                        Rejection.STREAM,
                        ShanghaiTime.at(ctx.timerService().currentProcessingTime()),
                        DeadLetterPayload.of(CloudEventJson.writeString(event))));
    }

    /** Rewrites the records of merged persons and redirects their ids, each once, as they stand after all merges. */
    private void emitMerges(List<Merge> merges, Context ctx, Collector<ServiceRecordDocument> out) {
        List<List<String>> repointed = store.drainRepointed();
        if (repointed.size() != merges.size()) {
            throw new IllegalStateException(
                    "recipient state: " + merges.size() + " merges but " + repointed.size() + " redirects");
        }
        Map<String, ServiceRecordDocument> moved = new LinkedHashMap<>();
        Map<String, Merge> retiredBy = new LinkedHashMap<>();
        for (int i = 0; i < merges.size(); i++) {
            Merge merge = merges.get(i);
            records.repoint(merge.mergedId(), merge.keptId()).forEach(r -> moved.put(ResolvedRecords.key(r), r));
            for (String id : repointed.get(i)) {
                retiredBy.put(id, merge);
            }
        }
        moved.values().forEach(out::collect);
        retiredBy.forEach((id, merge) ->
                publish(ctx, RecipientEntry.redirect(id, store.canonicalId(id), merge.at(), merge.causedBy())));
        retiredBy.keySet().forEach(id -> settleCasesOf(id, ctx));
    }
}
