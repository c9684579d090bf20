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
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.eldercare.search.register.PersonDocument;

/**
 * The incidents of docs/CONTRACT.md §9: terminals and the hotline in, the {@code incidents} index out.
 *
 * <pre>
 * device events ─▶ keyBy(operator/device) devices ─▶ keyBy(person) persons ◀─ register documents
 *                                                        └▶ keyBy(incident) lifecycle ◀─ hotline steps
 *                                                              └▶ incidents index, incident transitions topic
 * </pre>
 *
 * <p>Incident clocks are event time (§9.5): {@link #EVENT_TIME} is assigned to the device and hotline events and to
 * the register's events, 1 minute allowed out of order, an input idle for 1 minute left out of the watermark.
 */
public final class Incidents {

    /** Event time from each event's {@code time}. */
    public static final WatermarkStrategy<CareEvent> EVENT_TIME = WatermarkStrategy.<CareEvent>forBoundedOutOfOrderness(
                    Duration.ofMinutes(1))
            .withTimestampAssigner((event, previous) -> event.time().toInstant().toEpochMilli())
            .withIdleness(Duration.ofMinutes(1));

    private Incidents() {}

    /**
     * The incident documents, their transitions (the records of {@code eldercare.incidents.v1}, docs/CONTRACT.md
     * §9.5), and the rejections of device events and hotline steps.
     */
    public record Outputs(
            SingleOutputStreamOperator<IncidentDocument> incidents,
            DataStream<IncidentTransitionRecord> transitions,
            DataStream<Rejection> rejections) {}

    /**
     * @param deviceAndHotline the accepted device events and hotline steps, with {@link #EVENT_TIME} assigned
     * @param persons the register's documents, whose events had {@link #EVENT_TIME} assigned
     */
    public static Outputs attach(
            DataStream<CareEvent> deviceAndHotline, DataStream<PersonDocument> persons, Sink<IncidentDocument> sink) {
        SingleOutputStreamOperator<PersonSignal> devices = deviceAndHotline
                .filter(e -> e.type().device())
                .name("device events")
                .uid("incident-device-events")
                .keyBy(DeviceWatch::key, Types.STRING)
                .process(new DeviceWatch(), PersonSignal.TYPE)
                .name("devices: SOS, silence, water")
                .uid("incident-devices");
        SingleOutputStreamOperator<Raised> raised = persons.keyBy(PersonDocument::personId, Types.STRING)
                .connect(devices.keyBy(PersonSignal::personId, Types.STRING))
                .process(new PersonWatch(), Raised.TYPE)
                .name("persons: low water, masked details")
                .uid("incident-persons");
        SingleOutputStreamOperator<IncidentDocument> incidents = raised.keyBy(Raised::incidentId, Types.STRING)
                .connect(deviceAndHotline
                        .filter(e -> e.type().incident())
                        .name("hotline steps")
                        .uid("incident-hotline-steps")
                        .keyBy(e -> ((IncidentTransition) e.data()).incidentId(), Types.STRING))
                .process(new IncidentLifecycle(), IncidentLifecycle.DOCUMENT)
                .name("incident lifecycle")
                .uid("incident-lifecycle");
        if (sink != null) {
            incidents.sinkTo(sink).name("incidents sink").uid("incidents-sink");
        }
        DataStream<Rejection> rejections =
                devices.getSideOutput(DeviceWatch.REJECTED).union(incidents.getSideOutput(IncidentLifecycle.REJECTED));
        return new Outputs(incidents, incidents.getSideOutput(IncidentLifecycle.TRANSITIONS), rejections);
    }
}
