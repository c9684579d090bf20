package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.junit.jupiter.api.Test;

class RecipientNormalizerTest {

    private static final String ID = IdNumbersTest.MAN_1949;
    private static final String PHONE = "13812345678";

    private final RecipientNormalizer normalizer =
            new RecipientNormalizer(Pii.withKey("test-key-for-recipients"), new Addresses(Regions.load()));

    @Test
    void derivesBirthDateAndGenderFromAValidIdNumber() {
        NormalizedRecipient r = normalizer.normalize(new Recipient("张伟", ID, null, null, null, null, null));

        assertThat(r.idValid()).isTrue();
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1949, 10, 1));
        assertThat(r.gender()).isEqualTo("M");
    }

    @Test
    void hashesTheSameNumberTheSameWayHoweverItIsWritten() {
        NormalizedRecipient plain = normalizer.normalize(new Recipient("张伟", ID, PHONE, null, null, null, null));
        NormalizedRecipient messy = normalizer.normalize(new Recipient(
                "张伟", ID.substring(0, 6) + " " + ID.substring(6), "+86 138-1234-5678", null, null, null, null));

        assertThat(messy.idHash()).isEqualTo(plain.idHash());
        assertThat(messy.phoneHash()).isEqualTo(plain.phoneHash());
    }

    @Test
    void keepsOnlyHashesAndMaskedFormsOfIdentifiers() {
        NormalizedRecipient r = normalizer.normalize(new Recipient("张伟", ID, PHONE, "男", null, "门头沟区大峪街道", null));

        assertThat(r.toString()).doesNotContain(ID).doesNotContain(PHONE).contains("138****5678");
        assertThat(r.idNumberMasked()).isEqualTo("110109********" + ID.substring(14));
        assertThat(r.place()).isEqualTo(new Place("110109", "110109001"));
        assertThat(r.gender()).isEqualTo("M");
    }

    @Test
    void ignoresIdentifiersThatAreNoIdentifiers() {
        NormalizedRecipient r = normalizer.normalize(new Recipient("张伟", "unknown", "n/a", "?", null, null, null));

        assertThat(r.idHash()).isNull();
        assertThat(r.phoneHash()).isNull();
        assertThat(r.gender()).isNull();
    }

    @Test
    void digestsTheDwellingWithItsDistrictSoOneRoadNameInTwoDistrictsDiffers() {
        NormalizedRecipient full = address("北京市大兴区兴丰街道康庄路12号院1号楼");
        NormalizedRecipient shortForm = address("大兴区康庄路12号院1号楼");
        NormalizedRecipient otherDistrict = address("门头沟区康庄路12号院1号楼");

        assertThat(shortForm.dwellingHash()).isNotNull().isEqualTo(full.dwellingHash());
        assertThat(otherDistrict.dwellingHash()).isNotNull().isNotEqualTo(full.dwellingHash());
        assertThat(full.dwellingHash()).doesNotContain("康庄");
        assertThat(address("康庄路12号院1号楼").dwellingHash())
                .as("no district, no dwelling")
                .isNull();
    }

    private NormalizedRecipient address(String address) {
        return normalizer.normalize(new Recipient("雷山兰", null, null, null, null, address, null));
    }
}
