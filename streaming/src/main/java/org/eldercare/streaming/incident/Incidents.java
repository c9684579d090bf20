package org.eldercare.streaming.incident;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.IncidentTransition;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.validation.EventTimeWindow;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.exchange.LiveExchanges;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The incidents of docs/CONTRACT.md §9: terminals and the hotline in, the {@code incidents} index out.
 *
 * <pre>
 * device events ─▶ keyBy(operator/device) devices ─▶ keyBy(person) persons ◀─ register documents
 *                                         visits ─────────────────────┘  └▶ keyBy(incident) lifecycle ◀─ hotline steps
 *                                         │                    └▶ incidents index, incident transitions topic
 *                                         └▶ devices index (bindings and their status, §9.9)
 * </pre>
 *
 * <p>Incident clocks are event time (§9.5): {@link #EVENT_TIME} is assigned to the device and hotline events and to
 * the register's events and to the visits, 1 minute allowed out of order, an input idle for 1 minute left out of the
 * watermark.
 */
public final class Incidents {

    /** Event time from each event's {@code time}. */
    public static final WatermarkStrategy<CareEvent> EVENT_TIME = WatermarkStrategy.<CareEvent>forBoundedOutOfOrderness(
                    Duration.ofMinutes(1))
            .withTimestampAssigner((event, previous) -> event.time().toInstant().toEpochMilli())
            .withIdleness(Duration.ofMinutes(1));

    /**
     * How long, in event time, the job keeps an unbound device and a resolved incident before it forgets them
     * (docs/CONTRACT.md §9.8): a day longer than the oldest event intake accepts ({@link EventTimeWindow#MAX_PAST}),
     * so no event that could still change them arrives after they are gone.
     */
    public static final Duration RETENTION = EventTimeWindow.MAX_PAST.plusDays(1);

    private Incidents() {}

    /**
     * The incident documents, their transitions (the records of {@code eldercare.incidents.v1}, docs/CONTRACT.md
     * §9.5), the rejections of device events and hotline steps, and the documents of the {@code devices} index
     * (§9.9), in each device's order.
     */
    public record Outputs(
            SingleOutputStreamOperator<IncidentDocument> incidents,
            DataStream<IncidentTransitionRecord> transitions,
            DataStream<Rejection> rejections,
            DataStream<DeviceDocument> devices) {}

    /**
     * @param deviceAndHotline the accepted device events and hotline steps, with {@link #EVENT_TIME} assigned
     * @param visits the accepted {@code visit.completed} events (sender owns the facility), with {@link #EVENT_TIME}
     * @param persons the register's documents, whose events had {@link #EVENT_TIME} assigned
     */
    public static Outputs attach(
            DataStream<CareEvent> deviceAndHotline,
            DataStream<CareEvent> visits,
            DataStream<PersonDocument> persons,
            Sink<IncidentDocument> sink) {
        // The SOS path's exchanges are live (LiveExchanges): the hotline waits for what crosses them (§9.7).
        SingleOutputStreamOperator<CareEvent> deviceEvents = LiveExchanges.live(deviceAndHotline
                .filter(e -> e.type().device())
                .name("device events")
                .uid("incident-device-events"));
        SingleOutputStreamOperator<PersonSignal> devices = LiveExchanges.live(deviceEvents
                .keyBy(DeviceWatch::key, Types.STRING)
                .process(new DeviceWatch(), PersonSignal.TYPE)
                .name("devices: SOS, silence, water")
                .uid("incident-devices"));
        DataStream<PersonSignal> visited = visits.map(Incidents::visit, PersonSignal.TYPE)
                .name("visits to persons")
                .uid("incident-visits");
        SingleOutputStreamOperator<Raised> raised =
                LiveExchanges.live(persons.keyBy(PersonDocument::personId, Types.STRING)
                        .connect(devices.union(visited).keyBy(PersonSignal::personId, Types.STRING))
                        .process(new PersonWatch(), Raised.TYPE)
                        .name("persons: low water, missed visits, masked details")
                        .uid("incident-persons"));
        SingleOutputStreamOperator<CareEvent> hotlineSteps = LiveExchanges.live(deviceAndHotline
                .filter(e -> e.type().incident())
                .name("hotline steps")
                .uid("incident-hotline-steps"));
        SingleOutputStreamOperator<IncidentDocument> incidents =
                LiveExchanges.live(raised.keyBy(Raised::incidentId, Types.STRING)
                        .connect(hotlineSteps.keyBy(e -> ((IncidentTransition) e.data()).incidentId(), Types.STRING))
                        .process(new IncidentLifecycle(), IncidentLifecycle.DOCUMENT)
                        .name("incident lifecycle")
                        .uid("incident-lifecycle"));
        if (sink != null) {
            incidents.sinkTo(sink).name("incidents sink").uid("incidents-sink");
        }
        DataStream<Rejection> rejections =
                devices.getSideOutput(DeviceWatch.REJECTED).union(incidents.getSideOutput(IncidentLifecycle.REJECTED));
        return new Outputs(
                incidents,
                incidents.getSideOutput(IncidentLifecycle.TRANSITIONS),
                rejections,
                devices.getSideOutput(DeviceWatch.BINDINGS));
    }

    /** A visit as its person's signal: the Asia/Shanghai day of {@code visitedAt}, recorded at the event's time. */
    static PersonSignal visit(CareEvent event) {
        VisitCompleted visit = (VisitCompleted) event.data();
        return new PersonSignal(
                visit.personId(),
                null,
                null,
                new PersonSignal.Visit(
                        ShanghaiTime.epochDay(visit.visitedAt()),
                        event.time().toInstant().toEpochMilli()));
    }
}
