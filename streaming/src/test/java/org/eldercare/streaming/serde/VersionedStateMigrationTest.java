package org.eldercare.streaming.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A release bumps a serializer's form and restores the keyed state the previous release wrote, through Flink's own
 * restore path (heap backend): the old values are read in the old form, and written in the new one from then on.
 */
class VersionedStateMigrationTest {

    record Resident(String name, int age, String street) {}

    /** Form 1 wrote name and age; form 2 added the street. {@link #release} stands for the build that runs. */
    public static final class ResidentSerializer extends ImmutableSerializer<Resident> {
        private static final long serialVersionUID = 1L;
        static final ResidentSerializer INSTANCE = new ResidentSerializer();
        static volatile int release = 2;

        @Override
        public int formatVersion() {
            return release;
        }

        @Override
        protected void write(Resident r, DataOutputView out) throws IOException {
            Wire.string(r.name(), out);
            out.writeInt(r.age());
            if (release >= 2) {
                Wire.string(r.street(), out);
            }
        }

        @Override
        protected Resident read(DataInputView in, int formatVersion) throws IOException {
            String name = Wire.string(in);
            int age = in.readInt();
            return new Resident(name, age, formatVersion >= 2 ? Wire.string(in) : "unknown");
        }

        @Override
        public TypeSerializerSnapshot<Resident> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<Resident> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** Keeps the latest resident per key and emits the one it held before. */
    static final class KeepLatest extends KeyedProcessFunction<String, Resident, Resident> {
        private transient ValueState<Resident> latest;

        @Override
        public void open(OpenContext context) {
            latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", ResidentSerializer.INSTANCE));
        }

        @Override
        public void processElement(Resident value, Context ctx, Collector<Resident> out) throws Exception {
            Resident before = latest.value();
            if (before != null) {
                out.collect(before);
            }
            latest.update(value);
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Resident, Resident> harness;

    @AfterEach
    void close() throws Exception {
        ResidentSerializer.release = 2;
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aBumpedFormRestoresTheStateOfThePreviousFormAndWritesTheNewOne() throws Exception {
        ResidentSerializer.release = 1;
        harness = harness(null);
        harness.processElement(new StreamRecord<>(new Resident("王芳", 81, "v1 drops this"), 1L));
        OperatorSubtaskState writtenByRelease1 = harness.snapshot(1, 1);
        harness.close();

        ResidentSerializer.release = 2;
        harness = harness(writtenByRelease1);
        harness.processElement(new StreamRecord<>(new Resident("王芳", 82, "大峪街道"), 2L));
        assertThat(harness.extractOutputValues()).containsExactly(new Resident("王芳", 81, "unknown"));
        OperatorSubtaskState writtenByRelease2 = harness.snapshot(2, 2);
        harness.close();

        harness = harness(writtenByRelease2);
        harness.processElement(new StreamRecord<>(new Resident("王芳", 83, "大峪街道"), 3L));
        assertThat(harness.extractOutputValues()).containsExactly(new Resident("王芳", 82, "大峪街道"));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Resident, Resident> harness(
            OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new KeepLatest()), Resident::name, Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }
}
