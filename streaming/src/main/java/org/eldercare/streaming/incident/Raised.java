package org.eldercare.streaming.incident;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * An incident a rule has raised (docs/CONTRACT.md §9.4), before the lifecycle takes it. Its id is deterministic, so
 * raising it twice is harmless: the lifecycle keeps the first.
 *
 * @param districtCode the district whose rules apply: the binding's for device rules, the register's for person rules
 * @param person the register's masked view, or null while the person is not registered
 * @param openedAt epoch milliseconds
 */
public record Raised(
        String incidentId,
        String rule,
        String districtCode,
        String streetCode,
        String operatorId,
        String deviceId,
        String deviceKind,
        String personId,
        IncidentDocument.Person person,
        GeoPoint location,
        String evidence,
        long openedAt) {

    public static final TypeInformation<Raised> TYPE = new ImmutableTypeInfo<>(Raised.class, Serializer.INSTANCE);

    public Raised withPerson(IncidentDocument.Person details) {
        return new Raised(
                incidentId,
                rule,
                districtCode,
                streetCode,
                operatorId,
                deviceId,
                deviceKind,
                personId,
                details,
                location,
                evidence,
                openedAt);
    }

    /** The binary form between operators: its JSON. */
    public static final class Serializer extends JsonFormSerializer<Raised> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        private Serializer() {
            super(Raised.class);
        }

        /** Form 1: the first release's. */
        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public TypeSerializerSnapshot<Raised> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<Raised> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
