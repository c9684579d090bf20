package org.eldercare.search.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eldercare.ingest.event.FacilityKind;
import org.junit.jupiter.api.Test;

class ServiceListTest {

    private final ServiceList mentougou = ServiceList.forDistrict("110109");

    @Test
    void aDistrictWithoutItsOwnListUsesTheDefaultThatCitesTheNationalList() {
        assertThat(mentougou.district()).isEqualTo("default");
        assertThat(mentougou.source()).contains("国家基本养老服务清单").contains("2023");
        assertThat(mentougou.services()).allSatisfy(s -> assertThat(s.clause()).isNotBlank());
    }

    @Test
    void livingAloneEntitlesAPersonToAMonthlyVisitMarkedAsTheProjectsDefaultFrequency() {
        List<ServiceList.Service> due = mentougou.entitlements(labels(CareLabel.LIVING_ALONE, CareLabel.EMPTY_NEST));

        assertThat(due).extracting(ServiceList.Service::code).containsExactly("VISIT");
        assertThat(due.getFirst().frequency()).isEqualTo("MONTHLY");
        assertThat(due.getFirst().projectDefault()).isTrue();
    }

    @Test
    void theCareSubsidyNeedsBothADisabilityAndFinancialHardship() {
        assertThat(codes(CareLabel.DISABLED_MODERATE_OR_WORSE)).containsExactly("VISIT");
        assertThat(codes(CareLabel.MINIMUM_SUBSISTENCE)).containsExactly("MINIMUM_SUBSISTENCE_ALLOWANCE");
        assertThat(codes(CareLabel.DISABLED_MODERATE_OR_WORSE, CareLabel.MINIMUM_SUBSISTENCE))
                .containsExactly("MINIMUM_SUBSISTENCE_ALLOWANCE", "CARE_SUBSIDY", "VISIT");
    }

    @Test
    void aVisitIsDeliveredByStationsAndCareCentresWhileAllowancesNeedNoFacility() {
        assertThat(mentougou.servingKinds(List.of("VISIT")))
                .containsExactlyInAnyOrder(FacilityKind.CARE_STATION, FacilityKind.CARE_CENTER);
        assertThat(mentougou.servingKinds(List.of("AGE_ALLOWANCE", "CARE_SUBSIDY", "CAPABILITY_ASSESSMENT")))
                .isEmpty();
    }

    @Test
    void aPersonWithNoLabelIsEntitledToNothing() {
        assertThat(mentougou.entitlements(List.of())).isEmpty();
    }

    private List<String> codes(CareLabel... held) {
        return mentougou.entitlements(labels(held)).stream()
                .map(ServiceList.Service::code)
                .toList();
    }

    private static List<Label> labels(CareLabel... held) {
        return java.util.Arrays.stream(held).map(l -> new Label(l, "test")).toList();
    }
}
