package org.eldercare.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreetLookupTest {

    private static final String MENTOUGOU = "110109";
    private static final String DAXING = "110115";

    private final Regions regions = Regions.load();

    @ParameterizedTest
    @CsvSource({
        "大峪街道, 110109001",
        "大峪, 110109001",
        "' 大峪 街道 ', 110109001",
        "王平镇, 110109005",
        "王平地区, 110109005",
        "王平, 110109005",
        "永定镇, 110109006",
        "龙泉地区办事处, 110109007",
        "潭柘寺, 110109101"
    })
    void findsMentougouStreetByNameShortNameOrAlias(String text, String code) {
        assertThat(regions.streetByName(MENTOUGOU, text)).map(Street::code).contains(code);
    }

    @Test
    void findsStreetNamedInsideAnAddress() {
        assertThat(regions.streetByName(MENTOUGOU, "北京市门头沟区大峪街道新桥大街36号"))
                .map(Street::code)
                .contains("110109001");
        assertThat(regions.streetByName(DAXING, "大兴区旧宫镇德茂庄村")).map(Street::code).contains("110115006");
    }

    @Test
    void prefersTheLongestNameFoundInAnAddress() {
        assertThat(regions.streetByName(DAXING, "北京亦庄经济技术开发区荣华中路"))
                .map(Street::code)
                .contains("110115403");
    }

    @Test
    void bareShortNameInsideAnAddressIsNotAMatch() {
        assertThat(regions.streetByName(MENTOUGOU, "永定河畔滨河路")).isEmpty();
    }

    @Test
    void looksOnlyInsideTheGivenDistrict() {
        assertThat(regions.streetByName(DAXING, "大峪街道")).isEmpty();
        assertThat(regions.streetByName("999999", "大峪街道")).isEmpty();
        assertThat(regions.streetByName(MENTOUGOU, null)).isEmpty();
    }
}
