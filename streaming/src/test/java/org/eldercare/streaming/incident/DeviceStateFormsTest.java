package org.eldercare.streaming.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.streaming.fixtures.JsonForms;
import org.junit.jupiter.api.Test;

/**
 * Form 2 of {@link DeviceState} records whether the device's {@code devices} document (docs/CONTRACT.md §9.9) was
 * written; a device's state of form 1, kept from before that index, restores with every field and as not written, so
 * its next event writes the document.
 */
class DeviceStateFormsTest {

    @Test
    void aWatchOfFormOneRestoresWithItsBindingAndItsDocumentNotYetWritten() throws Exception {
        DeviceState watch = watch();
        DataInputDeserializer in = JsonForms.without(watch, "documented");

        DeviceState restored = DeviceState.Serializer.INSTANCE.readerOf(1).deserialize(in);

        assertThat(in.available()).isZero();
        assertThat(restored.documented).isFalse();
        assertThat(restored)
                .usingRecursiveComparison()
                .ignoringFields("documented")
                .isEqualTo(watch);
    }

    @Test
    void formTwoKeepsThatTheDocumentWasWritten() throws Exception {
        DeviceState watch = watch();
        watch.documented = true;
        DataOutputSerializer out = new DataOutputSerializer(256);
        DeviceState.Serializer.INSTANCE.serialize(watch, out);

        DeviceState read =
                DeviceState.Serializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(DeviceState.Serializer.INSTANCE.formatVersion()).isEqualTo(2);
        assertThat(read).usingRecursiveComparison().isEqualTo(watch);
    }

    private static DeviceState watch() {
        DeviceState s = new DeviceState();
        s.operatorId = "op-1";
        s.deviceId = "watch-1";
        s.kind = DeviceKind.SMART_WATCH;
        s.personId = "p-dayu-0042";
        s.districtCode = "110109";
        s.streetCode = "110109001";
        s.heartbeatSeconds = 60;
        s.bound = true;
        s.boundAt = 1_764_550_800_000L;
        s.lastSignalAt = 1_764_550_920_000L;
        s.silenceRaisedFor = 1_764_550_860_000L;
        s.silenceTimerAt = 1_764_551_100_000L;
        return s;
    }
}
