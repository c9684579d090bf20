package org.eldercare.streaming.dedup;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.streaming.serde.VersionedSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * Checkpoints {@link SeenEvents} as days of raw 128-bit fingerprints (16 bytes an event). {@code
 * copy} is deep: the heap state backend copies a key's state before it is changed after a snapshot. The form is
 * versioned: see {@link VersionedSerializer} for the rule when it changes.
 */
public final class SeenEventsSerializer extends VersionedSerializer<SeenEvents> {

    private static final long serialVersionUID = 1L;
    public static final SeenEventsSerializer INSTANCE = new SeenEventsSerializer();

    /** Form 1: the form of the first release. Bump it when the form changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public SeenEvents createInstance() {
        return new SeenEvents();
    }

    @Override
    public SeenEvents copy(SeenEvents from) {
        return from.copy();
    }

    @Override
    public SeenEvents copy(SeenEvents from, SeenEvents reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SeenEvents record, DataOutputView target) throws IOException {
        record.write(target);
    }

    @Override
    public SeenEvents deserialize(DataInputView source) throws IOException {
        return SeenEvents.read(source);
    }

    @Override
    public SeenEvents deserialize(SeenEvents reuse, DataInputView source) throws IOException {
        return SeenEvents.read(source);
    }

    @Override
    public SeenEvents deserialize(DataInputView source, int formatVersion) throws IOException {
        return SeenEvents.read(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<SeenEvents> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; needs a public no-argument constructor. */
    public static final class Snapshot extends VersionedSerializerSnapshot<SeenEvents> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
