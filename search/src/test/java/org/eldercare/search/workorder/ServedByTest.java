package org.eldercare.search.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.RequestType;
import org.junit.jupiter.api.Test;

class ServedByTest {

    @Test
    void sendsAMealToATableAndAMedicalEscortNeverToATable() {
        ServedBy standard = ServedBy.standard();

        assertThat(standard.serves(FacilityKind.MEAL_TABLE, RequestType.MEAL)).isTrue();
        assertThat(standard.serves(FacilityKind.MEAL_TABLE, RequestType.MEDICAL_ESCORT))
                .isFalse();
        assertThat(standard.kindsFor(RequestType.BATHING))
                .containsExactlyInAnyOrder(FacilityKind.CARE_STATION, FacilityKind.CARE_CENTER);
        assertThat(standard.source()).contains("project's default");
    }

    @Test
    void refusesAMappingThatLeavesARequestTypeWithNobodyToServeIt() {
        Map<RequestType, Set<FacilityKind>> kinds = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            kinds.put(type, Set.of(FacilityKind.CARE_STATION));
        }
        kinds.put(RequestType.REHAB, Set.of());

        assertThatThrownBy(() -> new ServedBy("test", kinds))
                .hasMessage("servedBy.REHAB: must name at least one facility kind");
    }
}
