package org.eldercare.streaming.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.ingest.event.CallLogged;
import org.eldercare.ingest.event.CallReason;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.RequestType;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.ingest.event.WorkOrderOpened;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Test;

/**
 * Form 7 of {@link CareEventSerializer} (docs/CONTRACT.md §10.2): the hotline's events travel between stages whole,
 * and a {@code service.delivered} of form 6, written before work orders existed, restores closing none.
 */
class HotlineFormsTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:00:00+08:00");

    static byte[] bytes(CareEvent event) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        CareEventSerializer.INSTANCE.serialize(event, out);
        return out.getCopyOfBuffer();
    }

    static CareEvent read(byte[] bytes, int form) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        CareEvent event = CareEventSerializer.INSTANCE.readerOf(form).deserialize(in);
        assertThat(in.available()).as("form %d read to its end", form).isZero();
        return event;
    }

    @Test
    void aServiceRecordOfFormSixReadsClosingNoWorkOrder() throws Exception {
        CareEvent record = Events.serviceDelivered("f-1", "r-1");
        byte[] form7 = bytes(record);
        byte[] form6 = Arrays.copyOf(form7, form7.length - 1); // a null string is one byte

        assertThat(read(form6, 6).dataAs(ServiceDelivered.class).workOrderId()).isNull();
        assertThat(read(form6, 6).dataAs(ServiceDelivered.class).recordId()).isEqualTo("r-1");
    }

    @Test
    void aClosingRecordKeepsItsWorkOrder() throws Exception {
        CareEvent record = Events.serviceDelivered("f-1", "r-1");
        ServiceDelivered d = record.dataAs(ServiceDelivered.class);
        CareEvent closing = new CareEvent(
                record.id(),
                record.source(),
                record.type(),
                record.time(),
                new ServiceDelivered(
                        d.recordId(),
                        d.facilityId(),
                        d.caregiverId(),
                        d.serviceType(),
                        d.startedAt(),
                        d.durationMinutes(),
                        d.recipient(),
                        "wo-1"));

        assertThat(read(bytes(closing), 7)).isEqualTo(closing);
    }

    @Test
    void theHotlinesEventsRoundTrip() throws Exception {
        CareEvent call = new CareEvent(
                "e-1",
                "/hotline/12349-1",
                EventType.CALL_LOGGED,
                AT,
                new CallLogged("call-1", AT.minusMinutes(5), 240, "110109001", CallReason.REQUEST, null));
        CareEvent opened = new CareEvent(
                "e-2",
                "/hotline/12349-1",
                EventType.WORKORDER_OPENED,
                AT,
                new WorkOrderOpened(
                        "wo-1",
                        "call-1",
                        RequestType.MEDICAL_ESCORT,
                        "110109",
                        "110109001",
                        new GeoPoint(39.937, 116.105),
                        "rcp-1"));
        CareEvent dispatched = new CareEvent(
                "e-3",
                "/hotline/12349-1",
                EventType.WORKORDER_DISPATCHED,
                AT,
                new WorkOrderDispatched("wo-1", RequestType.MEDICAL_ESCORT, "f-1", 0.42));

        assertThat(read(bytes(call), 7)).isEqualTo(call);
        assertThat(read(bytes(opened), 7)).isEqualTo(opened);
        assertThat(read(bytes(dispatched), 7)).isEqualTo(dispatched);
    }
}
