package org.eldercare.streaming.dedup;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * An open-addressing hash set of {@link EventFingerprint}s in one {@code long[]} (two longs a slot,
 * linear probing, at most half full). Copying it is one array copy, which matters because the heap
 * state backend copies a key's state on its first access after every checkpoint.
 */
final class FingerprintSet {

    private static final int INITIAL_SLOTS = 16;

    private long[] slots;
    private int size;

    FingerprintSet() {
        this(INITIAL_SLOTS);
    }

    private FingerprintSet(int slotCount) {
        this.slots = new long[slotCount * 2];
    }

    private FingerprintSet(long[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    int size() {
        return size;
    }

    boolean contains(EventFingerprint fingerprint) {
        int index = indexOf(slots, fingerprint.high(), fingerprint.low());
        return slots[index] != 0 || slots[index + 1] != 0;
    }

    /** Adds the fingerprint; returns false when it was there already. */
    boolean add(EventFingerprint fingerprint) {
        int index = indexOf(slots, fingerprint.high(), fingerprint.low());
        if (slots[index] != 0 || slots[index + 1] != 0) {
            return false;
        }
        slots[index] = fingerprint.high();
        slots[index + 1] = fingerprint.low();
        size++;
        if (size * 4 > slots.length) { // more than half of the slots (two longs each) in use
            grow();
        }
        return true;
    }

    FingerprintSet copy() {
        return new FingerprintSet(slots.clone(), size);
    }

    void write(DataOutputView out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0 || slots[i + 1] != 0) {
                out.writeLong(slots[i]);
                out.writeLong(slots[i + 1]);
            }
        }
    }

    static FingerprintSet read(DataInputView in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("fingerprint count " + count + " is negative: corrupt dedup state");
        }
        FingerprintSet set = new FingerprintSet(slotsFor(count));
        for (int i = 0; i < count; i++) {
            set.add(new EventFingerprint(in.readLong(), in.readLong()));
        }
        return set;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                int index = indexOf(slots, old[i], old[i + 1]);
                slots[index] = old[i];
                slots[index + 1] = old[i + 1];
            }
        }
    }

    /** The slot holding the fingerprint, or the empty slot where it belongs. */
    private static int indexOf(long[] slots, long high, long low) {
        int mask = slots.length / 2 - 1;
        int slot = (int) (low ^ (low >>> 32)) & mask;
        while (true) {
            int index = slot * 2;
            long h = slots[index];
            long l = slots[index + 1];
            if ((h == 0 && l == 0) || (h == high && l == low)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int slotsFor(int count) {
        int slotCount = INITIAL_SLOTS;
        while (slotCount < count * 2 + 2) {
            slotCount *= 2;
        }
        return slotCount;
    }

    /** Equal when both hold the same fingerprints, whatever their slot layout. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FingerprintSet other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < slots.length; i += 2) {
            if ((slots[i] != 0 || slots[i + 1] != 0) && !other.contains(new EventFingerprint(slots[i], slots[i + 1]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < slots.length; i += 2) {
            hash += Long.hashCode(slots[i] * 31 + slots[i + 1]);
        }
        return hash;
    }
}
