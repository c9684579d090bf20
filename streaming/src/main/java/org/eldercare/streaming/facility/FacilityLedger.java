package org.eldercare.streaming.facility;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityStatusChanged;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.search.document.VisitDocument;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The checks of docs/CONTRACT.md §1 that need state, and the facility's own counts (docs/CONTRACT.md §2), keyed by
 * facility id. The first registration makes its operator the owner; afterwards only the owner may
 * send events for the facility. State events (registered, updated, status changed) are
 * last-writer-wins by event time, older ones are ignored; counting events apply once each, and a bed
 * event that would take occupied beds outside 0..beds is rejected.
 *
 * <p>Emits the facility's {@link FacilitySnapshot} after every accepted event. Rejections leave
 * through {@link #REJECTED}; accepted caregiver events through {@link #CAREGIVER_EVENTS} (caregivers
 * are counted by caregiver, not here); accepted {@code service.delivered} events through {@link
 * #SERVICE_RECORDS}.
 */
public final class FacilityLedger extends KeyedProcessFunction<String, CareEvent, FacilitySnapshot> {

    private static final long serialVersionUID = 1L;
    public static final String STATE = "facility";

    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("ledger-rejections", StreamTypes.REJECTION);
    public static final OutputTag<CareEvent> CAREGIVER_EVENTS =
            new OutputTag<>("caregiver-events", StreamTypes.CARE_EVENT);
    public static final OutputTag<CareEvent> SERVICE_RECORDS =
            new OutputTag<>("service-records", StreamTypes.CARE_EVENT);
    /** Home visits whose sender owns the facility (docs/CONTRACT.md §9.3), for the incidents' person stage. */
    public static final OutputTag<CareEvent> VISITS = new OutputTag<>("visits", StreamTypes.CARE_EVENT);
    /**
     * The same visits as documents of the {@code visits} index (docs/CONTRACT.md §9.3), with the facility's name and
     * street as the ledger holds them when the visit is accepted.
     */
    public static final OutputTag<VisitDocument> VISIT_LOG = new OutputTag<>("visit-log", StreamTypes.VISIT);

    private transient ValueState<FacilityState> facility;

    @Override
    public void open(OpenContext context) {
        facility = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(STATE, TypeInformation.of(FacilityState.class)));
    }

    @Override
    public void processElement(CareEvent event, Context ctx, Collector<FacilitySnapshot> out) throws Exception {
        FacilityState state = facility.value();
        String facilityId = ctx.getCurrentKey();
        String operator = event.operatorId();
        if (state == null && event.type() != EventType.FACILITY_REGISTERED) {
            reject(ctx, event, "data.facilityId: unknown facility " + facilityId);
            return;
        }
        if (state != null && !state.owner.equals(operator)) {
            reject(ctx, event, "source: operator " + operator + " does not own facility " + facilityId);
            return;
        }
        if (state == null) {
            state = FacilityState.registeredBy(operator, facilityId);
        }
        String refusal = apply(state, event, ctx);
        if (refusal != null) {
            reject(ctx, event, refusal);
            return;
        }
        state.lastEventAt = Math.max(state.lastEventAt, event.time().toInstant().toEpochMilli());
        facility.update(state);
        out.collect(state.snapshot());
    }

    /** Applies the event to the state; returns the reason when it must be rejected instead. */
    private static String apply(FacilityState state, CareEvent event, Context ctx) {
        long time = event.time().toInstant().toEpochMilli();
        switch (event.type()) {
            case FACILITY_REGISTERED, FACILITY_UPDATED -> state.applyDetails(event.dataAs(FacilityDetails.class), time);
            case FACILITY_STATUS_CHANGED ->
                state.applyStatus(event.dataAs(FacilityStatusChanged.class).status(), time);
            case BED_OCCUPIED, BED_RELEASED -> {
                return moveBeds(state, event);
            }
            case MEAL_SERVED ->
                state.countMeals(
                        ShanghaiTime.epochDay(event.time()),
                        event.dataAs(MealServed.class).meals());
            case SERVICE_DELIVERED -> {
                state.countService(ShanghaiTime.epochDay(event.time()));
                ctx.output(SERVICE_RECORDS, event);
            }
            case CAREGIVER_HIRED, CAREGIVER_LEFT, CAREGIVER_SHIFT_STARTED, CAREGIVER_SHIFT_ENDED ->
                ctx.output(CAREGIVER_EVENTS, event);
            case VISIT_COMPLETED -> {
                ctx.output(VISITS, event);
                ctx.output(VISIT_LOG, visit(state, event));
            }
            default -> {
                // Population, the register, terminals and the hotline are routed elsewhere by the job.
                return "type: " + event.type().wireName() + " is not a facility event";
            }
            case IDENTITY_REVIEWED, IDENTITY_REVIEW_REQUESTED -> {
                return "type: " + event.type().wireName() + " is not a facility event";
            }
        }
        return null;
    }

    /** The visit's document: who, whom, when and how, and the facility's street; never its location (§9.3). */
    static VisitDocument visit(FacilityState facility, CareEvent event) {
        VisitCompleted visit = event.dataAs(VisitCompleted.class);
        return new VisitDocument(
                VisitDocument.idOf(event.operatorId(), visit.visitId()),
                visit.visitId(),
                event.operatorId(),
                facility.facilityId,
                facility.name,
                facility.districtCode,
                facility.streetCode,
                visit.caregiverId(),
                visit.personId(),
                ShanghaiTime.at(visit.visitedAt().toInstant().toEpochMilli()),
                visit.durationMinutes(),
                visit.confirmation().name(),
                ShanghaiTime.at(event.time().toInstant().toEpochMilli()));
    }

    private static String moveBeds(FacilityState state, CareEvent event) {
        int count = event.dataAs(BedsChanged.class).count();
        int next = state.occupiedBeds + (event.type() == EventType.BED_OCCUPIED ? count : -count);
        if (next > state.beds) {
            return "data.count: would take occupied beds to " + next + ", above the facility's " + state.beds + " beds";
        }
        if (next < 0) {
            return "data.count: would take occupied beds to " + next + ", below 0";
        }
        state.occupiedBeds = next;
        return null;
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
}
