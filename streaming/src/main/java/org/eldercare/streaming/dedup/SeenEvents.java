package org.eldercare.streaming.dedup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The events one dedup key (a facility, or a street) has passed, as fingerprints grouped by the UTC
 * day of first sighting (processing time). Expiry drops whole days, so an event is remembered from
 * {@code ttl} to {@code ttl} + one day after it was first seen, never less.
 *
 * <p>Mutable; {@link SeenEventsSerializer#copy} copies it deeply, as the heap state backend needs.
 */
public final class SeenEvents {

    static final long DAY_MILLIS = 86_400_000L;

    private final List<Day> days;

    public SeenEvents() {
        this(new ArrayList<>(8));
    }

    private SeenEvents(List<Day> days) {
        this.days = days;
    }

    public boolean contains(EventFingerprint fingerprint) {
        for (Day day : days) {
            if (day.fingerprints.contains(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Remembers a fingerprint first seen at {@code now} (epoch ms); returns the epoch day it was filed
     * under when that day is new here (its expiry then needs scheduling), else -1.
     */
    public long add(EventFingerprint fingerprint, long now) {
        long epochDay = Math.floorDiv(now, DAY_MILLIS);
        Day newest = days.isEmpty() ? null : days.getLast();
        if (newest != null && newest.epochDay == epochDay) {
            newest.fingerprints.add(fingerprint);
            return -1;
        }
        Day day = new Day(epochDay, new FingerprintSet());
        day.fingerprints.add(fingerprint);
        days.add(day);
        return epochDay;
    }

    /** When the fingerprints of {@code epochDay} may be forgotten: {@code ttl} after that day ends. */
    public static long expiryOf(long epochDay, long ttlMillis) {
        return (epochDay + 1) * DAY_MILLIS + ttlMillis;
    }

    /** Forgets the days whose expiry is at or before {@code now}. */
    public void forgetExpired(long now, long ttlMillis) {
        days.removeIf(day -> expiryOf(day.epochDay, ttlMillis) <= now);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** Events remembered, over all days. */
    public int size() {
        int size = 0;
        for (Day day : days) {
            size += day.fingerprints.size();
        }
        return size;
    }

    SeenEvents copy() {
        List<Day> copied = new ArrayList<>(days.size() + 1);
        for (Day day : days) {
            copied.add(new Day(day.epochDay, day.fingerprints.copy()));
        }
        return new SeenEvents(copied);
    }

    void write(DataOutputView out) throws IOException {
        out.writeInt(days.size());
        for (Day day : days) {
            out.writeLong(day.epochDay);
            day.fingerprints.write(out);
        }
    }

    static SeenEvents read(DataInputView in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("day count " + count + " is negative: corrupt dedup state");
        }
        List<Day> days = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            days.add(new Day(in.readLong(), FingerprintSet.read(in)));
        }
        return new SeenEvents(days);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeenEvents other && other.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return "SeenEvents[" + size() + " events over " + days.size() + " days]";
    }

    private record Day(long epochDay, FingerprintSet fingerprints) {}
}
