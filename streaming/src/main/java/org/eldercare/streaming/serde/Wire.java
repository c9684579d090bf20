package org.eldercare.streaming.serde;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.eldercare.ingest.event.GeoPoint;

/** Null-safe primitives of the binary forms; every nullable value is preceded by a presence flag. */
public final class Wire {

    private Wire() {}

    public static void string(String s, DataOutputView out) throws IOException {
        StringValue.writeString(s, out);
    }

    public static String string(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    public static void time(OffsetDateTime t, DataOutputView out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.toEpochSecond());
            out.writeInt(t.getNano());
            out.writeInt(t.getOffset().getTotalSeconds());
        }
    }

    public static OffsetDateTime time(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long seconds = in.readLong();
        int nanos = in.readInt();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos), offset);
    }

    public static void date(LocalDate d, DataOutputView out) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    public static LocalDate date(DataInputView in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    public static void geo(GeoPoint p, DataOutputView out) throws IOException {
        out.writeBoolean(p != null);
        if (p != null) {
            out.writeDouble(p.lat());
            out.writeDouble(p.lon());
        }
    }

    public static GeoPoint geo(DataInputView in) throws IOException {
        return in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
    }

    public static <E extends Enum<E>> void enumeration(E e, DataOutputView out) throws IOException {
        out.writeByte(e == null ? -1 : e.ordinal());
    }

    public static <E extends Enum<E>> E enumeration(E[] values, DataInputView in) throws IOException {
        int ordinal = in.readByte();
        return ordinal < 0 ? null : values[ordinal];
    }

    public static void strings(Collection<String> list, DataOutputView out) throws IOException {
        out.writeInt(list == null ? -1 : list.size());
        if (list != null) {
            for (String s : list) {
                string(s, out);
            }
        }
    }

    public static List<String> strings(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            return null;
        }
        List<String> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(string(in));
        }
        return List.copyOf(list);
    }

    public static void nullableLong(Long v, DataOutputView out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v);
        }
    }

    public static Long nullableLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    public static void nullableDouble(Double v, DataOutputView out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeDouble(v);
        }
    }

    public static Double nullableDouble(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    public static void nullableBoolean(Boolean v, DataOutputView out) throws IOException {
        out.writeByte(v == null ? -1 : v ? 1 : 0);
    }

    public static Boolean nullableBoolean(DataInputView in) throws IOException {
        int b = in.readByte();
        return b < 0 ? null : b == 1;
    }

    /** A string list written by {@link #strings(Collection, DataOutputView)}, as a set in its order; empty for null. */
    public static Set<String> stringSet(DataInputView in) throws IOException {
        List<String> list = strings(in);
        return list == null ? Set.of() : new LinkedHashSet<>(list);
    }

    public static void instant(Instant t, DataOutputView out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    public static Instant instant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    public static void geos(List<GeoPoint> points, DataOutputView out) throws IOException {
        out.writeInt(points == null ? -1 : points.size());
        if (points != null) {
            for (GeoPoint p : points) {
                geo(p, out);
            }
        }
    }

    public static List<GeoPoint> geos(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            return null;
        }
        List<GeoPoint> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(geo(in));
        }
        return List.copyOf(list);
    }
}
