package org.eldercare.streaming.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.streaming.fixtures.JsonForms;
import org.junit.jupiter.api.Test;

/**
 * Form 2 of {@link DeviceDocumentSerializer} carries an unbound device's {@code unboundAt} (docs/CONTRACT.md §9.9,
 * §6.8) between the device watch and the {@code devices} sink; a document of form 1, in flight in an unaligned
 * checkpoint of the release before, restores with every other field and no {@code unboundAt}.
 */
class DeviceDocumentFormsTest {

    static final OffsetDateTime BOUND = OffsetDateTime.parse("2026-11-20T09:00+08:00");
    static final OffsetDateTime UNBOUND = OffsetDateTime.parse("2026-11-23T17:30+08:00");

    @Test
    void anUnbindingOfFormOneRestoresWithoutUnboundAt() throws Exception {
        DeviceDocument watch = unboundWatch();
        DataInputDeserializer in = JsonForms.without(watch, "unboundAt");

        DeviceDocument restored = DeviceDocumentSerializer.INSTANCE.readerOf(1).deserialize(in);

        assertThat(in.available()).isZero();
        assertThat(restored.unboundAt()).isNull();
        assertThat(restored)
                .usingRecursiveComparison()
                .ignoringFields("unboundAt")
                .isEqualTo(watch);
    }

    @Test
    void formTwoKeepsTheUnbindingsTime() throws Exception {
        DeviceDocument watch = unboundWatch();
        DataOutputSerializer out = new DataOutputSerializer(512);
        DeviceDocumentSerializer.INSTANCE.serialize(watch, out);

        DeviceDocument read =
                DeviceDocumentSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(DeviceDocumentSerializer.INSTANCE.formatVersion()).isEqualTo(2);
        assertThat(read).isEqualTo(watch);
        assertThat(read.unboundAt()).isEqualTo(UNBOUND);
    }

    private static DeviceDocument unboundWatch() {
        return new DeviceDocument(
                DeviceDocument.idOf("op-1", "watch-1"),
                "op-1",
                "watch-1",
                "SMART_WATCH",
                "p-dayu-0042",
                "110109",
                "110109001",
                60,
                DeviceDocument.UNBOUND,
                UNBOUND,
                BOUND,
                UNBOUND.minusMinutes(1),
                UNBOUND);
    }
}
