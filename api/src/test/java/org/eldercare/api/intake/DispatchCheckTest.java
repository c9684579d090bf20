package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.RequestType;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.workorder.ServedBy;
import org.junit.jupiter.api.Test;

/** A dispatch must go to a facility that can take the order (docs/CONTRACT.md §10.2). */
class DispatchCheckTest {

    static FacilityDocument facility(String id, String kind, String status) {
        return new FacilityDocument(
                id,
                "op-1",
                "测试" + id,
                kind,
                "110109",
                "110109001",
                new GeoPoint(39.94, 116.1),
                10,
                2,
                8,
                20,
                status,
                3,
                1,
                null,
                null);
    }

    static final Map<String, FacilityDocument> CITY = Map.of(
            "station", facility("station", "CARE_STATION", "OPERATING"),
            "table", facility("table", "MEAL_TABLE", "OPERATING"),
            "closed-station", facility("closed-station", "CARE_STATION", "SUSPENDED"));

    final DispatchCheck check = new DispatchCheck(id -> Optional.ofNullable(CITY.get(id)), ServedBy.standard());

    static WorkOrderDispatched to(String facility, RequestType type) {
        return new WorkOrderDispatched("wo-1", type, facility, 0.5);
    }

    @Test
    void letsAnOperatingFacilityOfAServingKindTakeTheOrder() {
        assertThat(check.errors(to("station", RequestType.BATHING))).isEmpty();
        assertThat(check.errors(to("table", RequestType.MEAL))).isEmpty();
    }

    @Test
    void refusesAnUnknownFacilityOneThatCannotServeAndOneNotOperating() {
        assertThat(check.errors(to("nowhere", RequestType.MEAL)))
                .containsExactly("data.facilityId: no facility nowhere");
        assertThat(check.errors(to("table", RequestType.BATHING)))
                .containsExactly("data.facilityId: facility table (MEAL_TABLE, OPERATING) cannot serve BATHING");
        assertThat(check.errors(to("closed-station", RequestType.BATHING)))
                .containsExactly(
                        "data.facilityId: facility closed-station (CARE_STATION, SUSPENDED) cannot serve BATHING");
    }

    @Test
    void answersUnavailableWhenTheFacilitiesCannotBeRead() {
        DispatchCheck down = new DispatchCheck(
                id -> {
                    throw new java.io.UncheckedIOException(new java.io.IOException("connection refused"));
                },
                ServedBy.standard());

        assertThatThrownBy(() -> down.errors(to("station", RequestType.MEAL)))
                .isInstanceOf(EventLogUnavailableException.class);
    }
}
