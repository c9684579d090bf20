package org.eldercare.streaming.workorder;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.ingest.event.WorkOrderOpened;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * One work order's life (docs/CONTRACT.md §10.2), keyed by {@code workOrderId}: {@code workorder.opened},
 * {@code workorder.dispatched} and the {@code service.delivered} that names it. Each event arrives once (dedup is
 * upstream), and the state keeps the events themselves, so a replay from a checkpoint folds to the same order.
 *
 * <ul>
 *   <li>{@code opened} and {@code dispatched} are each last-writer-wins by {@code time};
 *   <li>a dispatch naming another request type than the order's, or for a closed order, is rejected;
 *   <li>a record closes the order when it is dispatched to the record's facility; a record that comes before the
 *       dispatch (they travel on other keys) is held and closes it when the dispatch arrives; a record for an order
 *       dispatched elsewhere or already closed by another record is rejected for the work order only (its service
 *       counted upstream).
 * </ul>
 *
 * The order is published whenever it changes and once it has been opened: a document needs its street.
 */
public final class WorkOrderFold extends KeyedProcessFunction<String, CareEvent, WorkOrderDocument> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("work-order-rejections", StreamTypes.REJECTION);

    private transient ValueState<CareEvent> opened;
    private transient ValueState<CareEvent> dispatched;
    private transient ValueState<CareEvent> closing;
    private transient ValueState<CareEvent> held;

    /** The key of any event this stage takes: the work order it names, or null when it names none. */
    public static String workOrderOf(CareEvent event) {
        return switch (event.data()) {
            case WorkOrderOpened o -> o.workOrderId();
            case WorkOrderDispatched d -> d.workOrderId();
            case ServiceDelivered s -> s.workOrderId();
            default -> null;
        };
    }

    @Override
    public void open(OpenContext context) {
        opened = state("opened");
        dispatched = state("dispatched");
        closing = state("closing");
        held = state("held");
    }

    private ValueState<CareEvent> state(String name) {
        return getRuntimeContext().getState(new ValueStateDescriptor<>(name, StreamTypes.CARE_EVENT));
    }

    @Override
    public void processElement(CareEvent event, Context ctx, Collector<WorkOrderDocument> out) throws Exception {
        String id = ctx.getCurrentKey();
        boolean changed = switch (event.data()) {
            case WorkOrderOpened o -> open(event, o, ctx, id);
            case WorkOrderDispatched d -> dispatch(event, d, ctx, id);
            case ServiceDelivered s -> close(event, s, ctx, id);
            default -> false;
        };
        if (changed && opened.value() != null) {
            out.collect(document());
        }
    }

    private boolean open(CareEvent event, WorkOrderOpened order, Context ctx, String id) throws Exception {
        CareEvent current = opened.value();
        if (current != null && current.time().isAfter(event.time())) {
            return false;
        }
        CareEvent dispatch = dispatched.value();
        if (dispatch != null && dispatch.dataAs(WorkOrderDispatched.class).requestType() != order.requestType()) {
            reject(ctx, dispatch, "data.requestType: work order " + id + " is " + order.requestType());
            dispatched.clear();
        }
        opened.update(event);
        return true;
    }

    private boolean dispatch(CareEvent event, WorkOrderDispatched dispatch, Context ctx, String id) throws Exception {
        if (closing.value() != null) {
            reject(ctx, event, "workOrderId: work order " + id + " is closed");
            return false;
        }
        CareEvent order = opened.value();
        if (order != null && order.dataAs(WorkOrderOpened.class).requestType() != dispatch.requestType()) {
            reject(
                    ctx,
                    event,
                    "data.requestType: work order " + id + " is "
                            + order.dataAs(WorkOrderOpened.class).requestType());
            return false;
        }
        CareEvent current = dispatched.value();
        if (current != null && current.time().isAfter(event.time())) {
            return false;
        }
        dispatched.update(event);
        CareEvent waiting = held.value();
        if (waiting != null) {
            held.clear();
            close(waiting, waiting.dataAs(ServiceDelivered.class), ctx, id);
        }
        return true;
    }

    private boolean close(CareEvent event, ServiceDelivered record, Context ctx, String id) throws Exception {
        CareEvent closedBy = closing.value();
        if (closedBy != null) {
            if (!closedBy.dedupKey().equals(event.dedupKey())) {
                reject(
                        ctx,
                        event,
                        "data.workOrderId: work order " + id + " was closed by record "
                                + closedBy.dataAs(ServiceDelivered.class).recordId());
            }
            return false;
        }
        CareEvent dispatch = dispatched.value();
        if (dispatch == null) {
            if (held.value() == null) {
                held.update(event);
            } else {
                reject(ctx, event, "data.workOrderId: work order " + id + " is not dispatched");
            }
            return false;
        }
        String facility = dispatch.dataAs(WorkOrderDispatched.class).facilityId();
        if (!facility.equals(record.facilityId())) {
            reject(
                    ctx,
                    event,
                    "data.workOrderId: work order " + id + " is dispatched to " + facility + ", not "
                            + record.facilityId());
            return false;
        }
        closing.update(event);
        return true;
    }

    private WorkOrderDocument document() throws Exception {
        CareEvent openEvent = opened.value();
        WorkOrderOpened order = openEvent.dataAs(WorkOrderOpened.class);
        CareEvent dispatchEvent = dispatched.value();
        WorkOrderDispatched dispatch = dispatchEvent == null ? null : dispatchEvent.dataAs(WorkOrderDispatched.class);
        CareEvent closeEvent = closing.value();
        String state = closeEvent != null
                ? WorkOrderDocument.CLOSED
                : dispatch != null ? WorkOrderDocument.DISPATCHED : WorkOrderDocument.OPEN;
        return new WorkOrderDocument(
                order.workOrderId(),
                order.callId(),
                order.requestType().name(),
                order.districtCode(),
                order.streetCode(),
                order.location(),
                order.recipientId(),
                state,
                openEvent.time(),
                dispatchEvent == null ? null : dispatchEvent.time(),
                dispatch == null ? null : dispatch.facilityId(),
                dispatch == null ? null : dispatch.distanceKm(),
                closeEvent == null ? null : closeEvent.time(),
                closeEvent == null
                        ? null
                        : ServiceRecordDocument.documentId(
                                closeEvent.operatorId(),
                                closeEvent.dataAs(ServiceDelivered.class).recordId()),
                dispatchEvent == null ? null : seconds(openEvent, dispatchEvent),
                closeEvent == null ? null : seconds(openEvent, closeEvent));
    }

    /** Never negative: an event stamped before the opening (clocks of two desks) counts as at once. */
    private static long seconds(CareEvent from, CareEvent to) {
        return Math.max(0, Duration.between(from.time(), to.time()).toSeconds());
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
