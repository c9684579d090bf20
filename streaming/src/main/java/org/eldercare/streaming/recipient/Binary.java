package org.eldercare.streaming.recipient;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.eldercare.ingest.event.GeoPoint;

/** Null-safe primitives of the recipient state's binary forms; collections are written with their size, -1 for null. */
final class Binary {

    private Binary() {}

    static void string(String s, DataOutputView out) throws IOException {
        StringValue.writeString(s, out); // writes null as its own marker
    }

    static String string(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    static void strings(Collection<String> values, DataOutputView out) throws IOException {
        out.writeInt(values == null ? -1 : values.size());
        if (values != null) {
            for (String s : values) {
                string(s, out);
            }
        }
    }

    static List<String> stringList(DataInputView in) throws IOException {
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

    static Set<String> stringSet(DataInputView in) throws IOException {
        List<String> list = stringList(in);
        return list == null ? Set.of() : new LinkedHashSet<>(list);
    }

    static void instant(Instant t, DataOutputView out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    static Instant instant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static void date(LocalDate d, DataOutputView out) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    static LocalDate date(DataInputView in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    static void geo(GeoPoint p, DataOutputView out) throws IOException {
        out.writeBoolean(p != null);
        if (p != null) {
            out.writeDouble(p.lat());
            out.writeDouble(p.lon());
        }
    }

    static GeoPoint geo(DataInputView in) throws IOException {
        return in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
    }

    static void geos(List<GeoPoint> points, DataOutputView out) throws IOException {
        out.writeInt(points == null ? -1 : points.size());
        if (points != null) {
            for (GeoPoint p : points) {
                geo(p, out);
            }
        }
    }

    static List<GeoPoint> geos(DataInputView in) throws IOException {
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
