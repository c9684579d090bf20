package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.eldercare.ingest.region.Regions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    private final Addresses addresses = new Addresses(Regions.load());

    @ParameterizedTest
    @CsvSource({
        "门头沟 大峪街道 新桥大街12号, 110109, 110109001",
        "北京市门头沟区大峪南路3号, 110109, 110109001",
        "北京市 门头沟区 王平镇东王平村, 110109, 110109005",
        "王平地区西王平村5号, 110109, 110109005",
        "大兴区 清源街道 兴华大街1号, 110115, 110115003",
        "北京市大兴区黄村镇育新街8号, 110115, 110115005"
    })
    void placesAnAddressOnItsStreet(String address, String district, String street) {
        assertThat(addresses.place(address)).contains(new Place(district, street));
    }

    @ParameterizedTest
    @CsvSource({"北京市门头沟区某某路1号, 110109", "大兴区 幸福小区3号楼, 110115"})
    void placesAnAddressInItsDistrictWhenTheStreetIsUnknown(String address, String district) {
        assertThat(addresses.place(address)).contains(new Place(district, null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"幸福小区3号楼", "上海市浦东新区世纪大道1号"})
    void placesNothingWithoutAKnownDistrictOrStreet(String address) {
        assertThat(addresses.place(address)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "北京市大兴区兴丰街道康庄路12号院1号楼, 康庄路|12|1",
        "大兴区兴丰康庄路12号院1号楼, 康庄路|12|1",
        "大兴 兴丰街道 康庄路12号院1号楼, 康庄路|12|1",
        "大兴区康庄路012号院01号楼, 康庄路|12|1",
        "大兴区康庄路12号院2号楼, 康庄路|12|2",
        "北京市大兴区清源街道兴华大街55号院11号楼, 兴华大街|55|11",
        "门头沟区大峪街道新桥大街12号, 新桥大街|12|"
    })
    void readsTheSameDwellingHoweverTheDistrictAndStreetAreWritten(String address, String dwelling) {
        assertThat(Addresses.dwelling(address)).contains(dwelling);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"王平镇东王平村", "大兴区 幸福小区3号楼", "大兴区清源街道"})
    void readsNoDwellingWithoutARoadAndDoorNumber(String address) {
        assertThat(Addresses.dwelling(address)).isEmpty();
    }
}
