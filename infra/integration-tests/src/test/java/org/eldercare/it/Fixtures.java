package org.eldercare.it;

import java.time.OffsetDateTime;
import java.util.List;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;

/** Documents in the shape the streaming jobs write them, placed around Tiananmen. */
final class Fixtures {

    static final double TIANANMEN_LAT = 39.9087;
    static final double TIANANMEN_LON = 116.3975;
    /** About one kilometre of latitude. */
    static final double KM = 1 / 111.2;

    static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-22T12:00:00+08:00");

    private Fixtures() {}

    static FacilityDocument facilityNorthOfTiananmen(
            String id, String kind, double km, int beds, int occupied, String status) {
        return new FacilityDocument(
                id,
                "op-1",
                id + " 养老服务驿站",
                kind,
                "110101",
                "110101001",
                new GeoPoint(TIANANMEN_LAT + km * KM, TIANANMEN_LON),
                beds,
                occupied,
                beds - occupied,
                kind.equals("MEAL_TABLE") ? 40 : 0,
                status,
                2,
                1,
                NOON,
                NOON);
    }

    static IndicatorDocument indicator(String code, String level, long beds, OffsetDateTime asOf) {
        return new IndicatorDocument(
                code,
                "scope " + code,
                level,
                100_000L,
                20_000L,
                beds,
                beds * 1000.0 / 100_000,
                0,
                0.0,
                beds / 2,
                0.5,
                1,
                2,
                0,
                1,
                10,
                8,
                5.0,
                3,
                120,
                30,
                List.of(),
                asOf);
    }

    static AlertDocument alert(String type, String scope, String districtCode, boolean active, OffsetDateTime since) {
        return new AlertDocument(
                type + ":" + scope, type, scope, districtCode, type + " in " + scope, active, since, since);
    }

    static Rejection rejection(String operatorId, String eventId, OffsetDateTime at) {
        return new Rejection(
                eventId,
                "/operators/" + operatorId,
                operatorId,
                "bed.occupied",
                List.of("data.count: would exceed the facility's beds"),
                Rejection.STREAM,
                at,
                "{\"idNumber\":\"110109195001011234\"}");
    }
}
