package org.eldercare.streaming.incident;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.IncidentResolved;
import org.eldercare.ingest.event.IncidentTransition;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * One incident, keyed by its id (docs/CONTRACT.md §9.5): opened by a rule, moved by the hotline, escalated and marked
 * late by its SLA timers; every change written as the whole document.
 *
 * <p>Everything happens in event time and in time order: a hotline step waits in state until the watermark passes
 * its {@code time}, then is applied together with the incident's deadlines that fell before it (a step at its deadline
 * meets it). So the document depends only on the events, not on when they were read, and a replay writes the same.
 * At one instant the order is: the hotline's steps (in the order read), the escalation, then the breaches
 * ACKNOWLEDGE, DISPATCH, RESOLVE.
 */
public final class IncidentLifecycle extends KeyedCoProcessFunction<String, Raised, CareEvent, IncidentDocument> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("incident-rejections", StreamTypes.REJECTION);
    public static final TypeInformation<IncidentDocument> DOCUMENT =
            new ImmutableTypeInfo<>(IncidentDocument.class, DocumentSerializer.INSTANCE);
    public static final TypeInformation<IncidentTransitionRecord> TRANSITION =
            new ImmutableTypeInfo<>(IncidentTransitionRecord.class, TransitionSerializer.INSTANCE);

    /**
     * One record per transition, the job's and the hotline's, in {@code seq} order per incident, for the topic {@code
     * eldercare.incidents.v1} (docs/CONTRACT.md §9.5). Several transitions at one instant are several records, each
     * with the incident as it stood after that one; adding the person's details is not a transition.
     */
    public static final OutputTag<IncidentTransitionRecord> TRANSITIONS =
            new OutputTag<>("incident-transitions", TRANSITION);

    static final String BY_JOB = "job";
    static final String ACKNOWLEDGE = "ACKNOWLEDGE";
    static final String DISPATCH = "DISPATCH";
    static final String RESOLVE = "RESOLVE";

    private transient ValueState<IncidentDocument> incident;
    private transient ListState<CareEvent> pending;

    @Override
    public void open(OpenContext context) {
        incident = getRuntimeContext().getState(new ValueStateDescriptor<>("incident", DOCUMENT));
        pending = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("pending-hotline-steps", StreamTypes.CARE_EVENT));
    }

    @Override
    public void processElement1(Raised raised, Context ctx, Collector<IncidentDocument> out) throws Exception {
        IncidentDocument existing = incident.value();
        if (existing != null) {
            // Raised again by a replay or another meter: the first stands (§9.4); only the person's details, when
            // the register entry came after the incident, are added.
            if (existing.person() == null && raised.person() != null) {
                IncidentDocument withPerson = new Builder(existing).withPerson(raised.person());
                incident.update(withPerson);
                out.collect(withPerson);
            }
            return;
        }
        IncidentRules rules = IncidentRules.forDistrict(raised.districtCode());
        IncidentRules.Rule rule = rules.rule(raised.rule());
        long opened = raised.openedAt();
        IncidentDocument doc = new IncidentDocument(
                raised.incidentId(),
                raised.rule(),
                IncidentDocument.OPEN,
                raised.districtCode(),
                raised.streetCode(),
                raised.operatorId(),
                raised.deviceId(),
                raised.deviceKind(),
                raised.personId(),
                raised.person(),
                raised.location(),
                raised.evidence(),
                "incidents/rules/" + rules.district() + ".json",
                at(opened),
                null,
                null,
                null,
                at(rule.acknowledgeBy(opened)),
                at(opened + rule.dispatchWithinMillis()),
                at(opened + rule.resolveWithinMillis()),
                List.of(),
                rule.escalation().getFirst().tier(),
                0,
                List.of(),
                null,
                null,
                null,
                List.of(new IncidentDocument.Transition(1, "incident.opened", at(opened), BY_JOB, null)),
                at(opened));
        incident.update(doc);
        out.collect(doc);
        ctx.output(TRANSITIONS, IncidentTransitionRecord.of(doc));
        Deadline next = nextDeadline(doc);
        if (next != null) {
            ctx.timerService().registerEventTimeTimer(next.at());
        }
    }

    @Override
    public void processElement2(CareEvent step, Context ctx, Collector<IncidentDocument> out) throws Exception {
        pending.add(step);
        ctx.timerService().registerEventTimeTimer(millis(step.time()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentDocument> out) throws Exception {
        List<CareEvent> due = new ArrayList<>();
        List<CareEvent> later = new ArrayList<>();
        Iterable<CareEvent> waiting = pending.get();
        if (waiting != null) {
            for (CareEvent step : waiting) {
                (millis(step.time()) <= timestamp ? due : later).add(step);
            }
        }
        due.sort(Comparator.comparingLong(e -> millis(e.time()))); // stable: the order read on a tie
        IncidentDocument before = incident.value();
        IncidentDocument doc = before;
        int nextStep = 0;
        while (true) {
            Deadline deadline = doc == null ? null : nextDeadline(doc);
            long stepAt = nextStep < due.size() ? millis(due.get(nextStep).time()) : Long.MAX_VALUE;
            boolean deadlineDue = deadline != null && deadline.at() <= timestamp;
            if (nextStep < due.size() && (!deadlineDue || stepAt <= deadline.at())) {
                CareEvent step = due.get(nextStep++);
                if (doc == null) {
                    reject(ctx, step, "data.incidentId: no incident " + ctx.getCurrentKey());
                } else {
                    IncidentDocument moved = apply(doc, step, ctx);
                    if (moved != null) {
                        doc = moved;
                        ctx.output(TRANSITIONS, IncidentTransitionRecord.of(doc));
                    }
                }
            } else if (deadlineDue) {
                doc = deadline.apply(doc);
                ctx.output(TRANSITIONS, IncidentTransitionRecord.of(doc));
            } else {
                break;
            }
        }
        pending.update(later);
        if (doc != null && doc != before) {
            incident.update(doc);
            out.collect(doc);
        }
        Deadline next = doc == null ? null : nextDeadline(doc);
        if (next != null) {
            ctx.timerService().registerEventTimeTimer(next.at());
        }
    }

    /** The hotline's step applied, or null (and a rejection) when the incident's state does not allow it. */
    private static IncidentDocument apply(IncidentDocument doc, CareEvent step, Context ctx) {
        IncidentTransition data = (IncidentTransition) step.data();
        OffsetDateTime at = ShanghaiTime.at(millis(step.time()));
        OffsetDateTime last = doc.transitions().getLast().at();
        if (at.isBefore(last)) {
            reject(ctx, step, "time: must not be before the incident's last transition " + last);
            return null;
        }
        String state = doc.state();
        String verb = step.type().wireName().substring("incident.".length());
        boolean allowed = switch (step.type()) {
            case INCIDENT_ACKNOWLEDGED -> state.equals(IncidentDocument.OPEN);
            case INCIDENT_DISPATCHED ->
                state.equals(IncidentDocument.OPEN) || state.equals(IncidentDocument.ACKNOWLEDGED);
            default -> !state.equals(IncidentDocument.RESOLVED);
        };
        if (!allowed) {
            String infinitive = switch (verb) {
                case "acknowledged" -> "acknowledge";
                case "dispatched" -> "dispatch";
                default -> "resolve";
            };
            reject(
                    ctx,
                    step,
                    "data.incidentId: incident " + doc.incidentId() + " is " + state + "; cannot " + infinitive);
            return null;
        }
        Builder b = new Builder(doc);
        b.acknowledgedAt = doc.acknowledgedAt() != null ? doc.acknowledgedAt() : at;
        switch (data) {
            case IncidentDispatched d -> {
                b.state = IncidentDocument.DISPATCHED;
                b.dispatchedAt = at;
                b.dispatchedTo = d.dispatchedTo();
                b.workOrderId = d.workOrderId();
            }
            case IncidentResolved r -> {
                b.state = IncidentDocument.RESOLVED;
                b.resolvedAt = at;
                b.outcome = r.outcome().name();
            }
            default -> b.state = IncidentDocument.ACKNOWLEDGED;
        }
        return b.transition(step.type().wireName(), at, step.source(), data.note());
    }

    /** The incident's next deadline while it may still fall, in the order of §9.5 at one instant. */
    static Deadline nextDeadline(IncidentDocument doc) {
        if (doc.state().equals(IncidentDocument.RESOLVED)) {
            return null;
        }
        IncidentRules.Rule rule = IncidentRules.forDistrict(doc.districtCode()).rule(doc.rule());
        long opened = millis(doc.openedAt());
        Deadline next = null;
        if (doc.state().equals(IncidentDocument.OPEN)
                && doc.escalationLevel() + 1 < rule.escalation().size()) {
            next = earlier(next, new Deadline(rule.escalatesAt(opened, doc.escalationLevel() + 1), null));
        }
        if (doc.acknowledgedAt() == null && !doc.breached().contains(ACKNOWLEDGE)) {
            next = earlier(next, new Deadline(millis(doc.acknowledgeBy()), ACKNOWLEDGE));
        }
        if (doc.dispatchedAt() == null && !doc.breached().contains(DISPATCH)) {
            next = earlier(next, new Deadline(millis(doc.dispatchBy()), DISPATCH));
        }
        if (!doc.breached().contains(RESOLVE)) {
            next = earlier(next, new Deadline(millis(doc.resolveBy()), RESOLVE));
        }
        return next;
    }

    /** The earlier of two; on a tie the one found first, which is the order of §9.5. */
    private static Deadline earlier(Deadline a, Deadline b) {
        return a == null || b.at() < a.at() ? b : a;
    }

    /**
     * A deadline: an escalation when {@code breach} is null, else the SLA it marks as missed.
     *
     * @param at epoch milliseconds
     */
    record Deadline(long at, String breach) {

        IncidentDocument apply(IncidentDocument doc) {
            Builder b = new Builder(doc);
            OffsetDateTime when = ShanghaiTime.at(at);
            if (breach == null) {
                IncidentRules.Rule rule =
                        IncidentRules.forDistrict(doc.districtCode()).rule(doc.rule());
                b.escalationLevel = doc.escalationLevel() + 1;
                b.assignedTo = rule.escalation().get(b.escalationLevel).tier();
                b.escalations.add(new IncidentDocument.Escalation(b.assignedTo, when));
                return b.transition("incident.escalated", when, BY_JOB, null);
            }
            b.breached.add(breach);
            return b.transition("incident.sla.breached", when, BY_JOB, breach);
        }
    }

    /** A changed copy of a document. */
    private static final class Builder {
        final IncidentDocument d;
        String state;
        OffsetDateTime acknowledgedAt;
        OffsetDateTime dispatchedAt;
        OffsetDateTime resolvedAt;
        List<String> breached;
        String assignedTo;
        int escalationLevel;
        List<IncidentDocument.Escalation> escalations;
        org.eldercare.ingest.event.DispatchTarget dispatchedTo;
        String workOrderId;
        String outcome;

        Builder(IncidentDocument d) {
            this.d = d;
            state = d.state();
            acknowledgedAt = d.acknowledgedAt();
            dispatchedAt = d.dispatchedAt();
            resolvedAt = d.resolvedAt();
            breached = new ArrayList<>(d.breached());
            assignedTo = d.assignedTo();
            escalationLevel = d.escalationLevel();
            escalations = new ArrayList<>(d.escalations());
            dispatchedTo = d.dispatchedTo();
            workOrderId = d.workOrderId();
            outcome = d.outcome();
        }

        IncidentDocument transition(String type, OffsetDateTime at, String by, String note) {
            List<IncidentDocument.Transition> transitions = new ArrayList<>(d.transitions());
            transitions.add(new IncidentDocument.Transition(transitions.size() + 1, type, at, by, note));
            return build(d.person(), transitions, at);
        }

        /** The same incident with the register's details of the person; not a transition. */
        IncidentDocument withPerson(IncidentDocument.Person person) {
            return build(person, d.transitions(), d.updatedAt());
        }

        private IncidentDocument build(
                IncidentDocument.Person person, List<IncidentDocument.Transition> transitions, OffsetDateTime at) {
            return new IncidentDocument(
                    d.incidentId(),
                    d.rule(),
                    state,
                    d.districtCode(),
                    d.streetCode(),
                    d.operatorId(),
                    d.deviceId(),
                    d.deviceKind(),
                    d.personId(),
                    person,
                    d.location(),
                    d.evidence(),
                    d.rulesSource(),
                    d.openedAt(),
                    acknowledgedAt,
                    dispatchedAt,
                    resolvedAt,
                    d.acknowledgeBy(),
                    d.dispatchBy(),
                    d.resolveBy(),
                    breached,
                    assignedTo,
                    escalationLevel,
                    escalations,
                    dispatchedTo,
                    workOrderId,
                    outcome,
                    transitions,
                    at);
        }
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    private static OffsetDateTime at(long millis) {
        return ShanghaiTime.at(millis);
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

    /** The binary form of an incident in state and between operators: its JSON. */
    public static final class DocumentSerializer extends JsonFormSerializer<IncidentDocument> {
        private static final long serialVersionUID = 1L;
        public static final DocumentSerializer INSTANCE = new DocumentSerializer();

        private DocumentSerializer() {
            super(IncidentDocument.class);
        }

        /** Form 1: the first release's. */
        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public TypeSerializerSnapshot<IncidentDocument> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<IncidentDocument> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** The binary form of a transition record between operators: its JSON. */
    public static final class TransitionSerializer extends JsonFormSerializer<IncidentTransitionRecord> {
        private static final long serialVersionUID = 1L;
        public static final TransitionSerializer INSTANCE = new TransitionSerializer();

        private TransitionSerializer() {
            super(IncidentTransitionRecord.class);
        }

        /** Form 1: the first release's. */
        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public TypeSerializerSnapshot<IncidentTransitionRecord> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<IncidentTransitionRecord> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
