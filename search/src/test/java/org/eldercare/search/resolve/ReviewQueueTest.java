package org.eldercare.search.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.search.resolve.People.idNumber;
import static org.eldercare.search.resolve.People.recipient;

import java.time.Instant;
import java.time.LocalDate;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.junit.jupiter.api.Test;

/** The hard cases of a real street go to a reviewer instead of being merged (docs/CONTRACT.md §7.6). */
class ReviewQueueTest {

    private static final String HOME = "大兴区清源街道兴华大街1号";
    private static final String NEXT_DOOR = "大兴区清源街道兴华大街5号";
    private static final String MENTOUGOU = "门头沟区大峪街道新桥大街12号";
    private static final LocalDate BIRTH = LocalDate.of(1940, 3, 8);
    private static final String PHONE = "13733334444";
    private static final String OTHER_PHONE = "13900001111";
    private static final String DOWN_THE_ROAD = "大兴区清源街道兴华大街9号";
    private static final String FLAT = "北京市大兴区兴丰街道康庄路171号院2号楼";
    private static final String FLAT_NO_STREET = "大兴区康庄路171号院2号楼";
    private static final String NEXT_BUILDING = "大兴区兴丰街道康庄路171号院5号楼";

    private final InMemoryPersonStore store = new InMemoryPersonStore();
    private final MergeLog mergeLog = new MergeLog();
    private final RecipientResolver resolver = new RecipientResolver(store, mergeLog, ResolutionThresholds.DEFAULT);
    private int day;

    private Resolution serve(NormalizedRecipient r) {
        day++;
        return resolver.resolve(
                "op-1:rec-" + day, Instant.parse("2025-03-01T08:00:00Z").plusSeconds(86400L * day), r);
    }

    @Test
    void linksAnIdLessRecordToTheOnlyPersonOfThatNameInTheStreet() {
        Resolution withPhone = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution addressOnly = serve(recipient("王秀英", null, null, null, "F", NEXT_DOOR));

        assertThat(addressOnly.recipientId()).isEqualTo(withPhone.recipientId());
        assertThat(addressOnly.created()).isFalse();
        assertThat(addressOnly.reviews()).isEmpty();
    }

    @Test
    void queuesAnIdLessRecordWhenANamesakeLivesInTheSameStreet() {
        Resolution namesake = serve(recipient("王秀英", null, OTHER_PHONE, null, "F", DOWN_THE_ROAD));
        Resolution withPhone = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution addressOnly = serve(recipient("王秀英", null, null, null, "F", NEXT_DOOR));

        assertThat(withPhone.recipientId())
                .as("a second phone is a conflicting identity signal")
                .isNotEqualTo(namesake.recipientId());
        assertThat(addressOnly.recipientId()).isNotIn(withPhone.recipientId(), namesake.recipientId());
        assertThat(addressOnly.created()).isTrue();
        assertThat(mergeLog.merges()).isEmpty();
        assertThat(addressOnly.reviews())
                .filteredOn(
                        c -> c.caseId().equals(ReviewCase.caseId(withPhone.recipientId(), addressOnly.recipientId())))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.reason()).isEqualTo(ReviewCase.Reason.NAME_AND_PLACE_ONLY);
                    assertThat(c.left().nameMasked()).isEqualTo("王*英");
                    assertThat(c.right().nameMasked()).isEqualTo("王*英");
                    assertThat(c.evidence())
                            .extracting(FieldEvidence::field)
                            .containsExactly("idNumber", "phone", "name", "birthDate", "gender", "address", "location");
                    assertThat(c.evidence())
                            .filteredOn(e -> e.outcome() == FieldEvidence.Outcome.AGREE)
                            .extracting(FieldEvidence::field)
                            .containsExactly("name", "gender", "address");
                });
    }

    @Test
    void queuesAnIdLessRecordWhoseOnlySameNamePersonHasAnotherPhone() {
        Resolution withPhone = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution otherPhone = serve(recipient("王秀英", null, OTHER_PHONE, null, "F", NEXT_DOOR));

        assertThat(otherPhone.recipientId()).isNotEqualTo(withPhone.recipientId());
        assertThat(otherPhone.reviews())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(ReviewCase.Reason.NAME_AND_PLACE_ONLY));
    }

    @Test
    void queuesALinkInsideTheMarginInsteadOfMergingIt() {
        Resolution daxing = serve(recipient("王秀英", null, null, BIRTH, null, HOME));
        // The same birth date and a name of the same pinyin, in another district: log-odds 1.0, inside the margin.
        Resolution mentougou = serve(recipient("王秀瑛", null, null, BIRTH, null, MENTOUGOU));

        assertThat(mentougou.recipientId()).isNotEqualTo(daxing.recipientId());
        assertThat(mentougou.reviews()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(ReviewCase.Reason.MARGIN);
            assertThat(c.probability()).isBetween(0.3, 0.9);
        });
    }

    @Test
    void keepsTwinsSharingABirthDateAddressAndPhoneApart() {
        Resolution first = serve(recipient("张文华", idNumber("110115", BIRTH, 11), PHONE, BIRTH, "M", HOME));
        Resolution twin = serve(recipient("张文军", null, PHONE, BIRTH, "M", HOME));
        Resolution twinAgain = serve(recipient("张文军", null, PHONE, BIRTH, "M", HOME));

        assertThat(twin.recipientId()).isNotEqualTo(first.recipientId());
        assertThat(twinAgain.recipientId()).isEqualTo(twin.recipientId());
        assertThat(mergeLog.merges()).isEmpty();
    }

    @Test
    void keepsSpousesSharingAPhoneAndAddressApartWithoutACase() {
        Resolution husband = serve(recipient("张建国", null, PHONE, LocalDate.of(1943, 2, 2), "M", HOME));
        Resolution wife = serve(recipient("李淑珍", null, PHONE, null, "F", HOME));

        assertThat(wife.recipientId()).isNotEqualTo(husband.recipientId());
        assertThat(wife.reviews()).isEmpty();
    }

    @Test
    void takesAClearLinkAtOnce() {
        Resolution first = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution second = serve(recipient("王秀英", null, PHONE, null, "F", HOME));

        assertThat(second.recipientId()).isEqualTo(first.recipientId());
        assertThat(second.reviews()).isEmpty();
    }

    @Test
    void mergesAQueuedPairWhenAReviewerConfirmsItKeepingTheOlderId() {
        serve(recipient("王秀英", null, OTHER_PHONE, null, "F", DOWN_THE_ROAD)); // a namesake makes the pair uncertain
        Resolution withPhone = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution addressOnly = serve(recipient("王秀英", null, null, null, "F", NEXT_DOOR));

        Merge merge = resolver.confirm(
                        addressOnly.recipientId(), withPhone.recipientId(), Instant.parse("2025-04-01T00:00:00Z"))
                .orElseThrow();

        assertThat(merge.keptId()).isEqualTo(withPhone.recipientId());
        assertThat(merge.causedBy()).containsExactly("review");
        assertThat(store.canonicalId(addressOnly.recipientId())).isEqualTo(withPhone.recipientId());
        assertThat(store.get(withPhone.recipientId()).orElseThrow().servicesCount())
                .isEqualTo(2);
        assertThat(resolver.confirm(addressOnly.recipientId(), withPhone.recipientId(), Instant.now()))
                .isEmpty();
    }

    @Test
    void neverMergesASplitPairAgainEvenWhenALaterRecordFitsBoth() {
        Resolution namesake = serve(recipient("王秀英", null, OTHER_PHONE, null, "F", DOWN_THE_ROAD));
        Resolution byPhone = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution byBirth = serve(recipient("王秀英", null, null, BIRTH, "F", NEXT_DOOR));
        assertThat(byBirth.reviews())
                .extracting(ReviewCase::caseId)
                .contains(ReviewCase.caseId(byPhone.recipientId(), byBirth.recipientId()));

        resolver.split(byPhone.recipientId(), byBirth.recipientId());
        Resolution both = serve(recipient("王秀英", null, PHONE, BIRTH, "F", HOME));

        assertThat(both.recipientId()).isIn(byPhone.recipientId(), byBirth.recipientId());
        assertThat(both.merges()).isEmpty();
        assertThat(both.reviews())
                .extracting(ReviewCase::caseId)
                .doesNotContain(ReviewCase.caseId(byPhone.recipientId(), byBirth.recipientId()));
        assertThat(store.persons()).hasSize(3);
        assertThat(store.get(namesake.recipientId())).isPresent();
    }

    @Test
    void mergesAnUnsplitQueuedPairOnceALaterRecordBridgesThemClearly() {
        Resolution namesake = serve(recipient("王秀英", null, OTHER_PHONE, null, "F", DOWN_THE_ROAD));
        Resolution byPhone = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution byBirth = serve(recipient("王秀英", null, null, BIRTH, "F", NEXT_DOOR));
        assertThat(byBirth.recipientId()).isNotEqualTo(byPhone.recipientId());

        Resolution both = serve(recipient("王秀英", null, PHONE, BIRTH, "F", HOME));

        assertThat(both.merges()).singleElement().satisfies(m -> {
            assertThat(m.keptId()).isEqualTo(byPhone.recipientId());
            assertThat(m.mergedId()).isEqualTo(byBirth.recipientId());
        });
        assertThat(both.reviews())
                .extracting(ReviewCase::caseId)
                .doesNotContain(ReviewCase.caseId(byPhone.recipientId(), byBirth.recipientId()));
        assertThat(store.get(namesake.recipientId())).isPresent();
    }

    @Test
    void keepsASplitWhenOneSideIsLaterMergedIntoAnOlderPerson() {
        Resolution older = serve(recipient("王秀英", null, "13900001111", null, "F", DOWN_THE_ROAD));
        Resolution byPhone = serve(recipient("王秀英", null, PHONE, null, "F", HOME));
        Resolution byBirth = serve(recipient("王秀英", null, null, BIRTH, "F", NEXT_DOOR));
        resolver.split(byPhone.recipientId(), byBirth.recipientId());

        resolver.confirm(byPhone.recipientId(), older.recipientId(), Instant.parse("2025-04-01T00:00:00Z"));
        Resolution fitsBoth = serve(recipient("王秀英", null, "13900001111", BIRTH, "F", HOME));

        assertThat(store.canonicalId(byPhone.recipientId())).isEqualTo(older.recipientId());
        assertThat(store.isSplit(older.recipientId(), byBirth.recipientId())).isTrue();
        assertThat(fitsBoth.merges()).isEmpty();
        assertThat(store.persons()).hasSize(2);
    }

    @Test
    void linksANameOnlyRecordToThePersonAtItsDwellingThoughANamesakeLivesInTheStreet() {
        Resolution neighbour = serve(recipient("雷山兰", null, OTHER_PHONE, null, "F", NEXT_BUILDING));
        Resolution resident = serve(recipient("雷山兰", null, PHONE, null, "F", FLAT));
        // Only a name, a sex and the address without its street: found through the dwelling, linked by it.
        Resolution nameOnly = serve(recipient("雷山兰", null, null, null, "F", FLAT_NO_STREET));

        assertThat(resident.recipientId()).isNotEqualTo(neighbour.recipientId());
        assertThat(nameOnly.recipientId()).isEqualTo(resident.recipientId());
        assertThat(nameOnly.created()).isFalse();
        assertThat(mergeLog.merges()).isEmpty();
    }

    @Test
    void linksTheNamesakesNameOnlyRecordToTheNamesakeInTheNextBuilding() {
        Resolution neighbour = serve(recipient("雷山兰", null, OTHER_PHONE, null, "F", NEXT_BUILDING));
        Resolution resident = serve(recipient("雷山兰", null, PHONE, null, "F", FLAT));
        Resolution fromNextBuilding = serve(recipient("雷山兰", null, null, null, "F", "大兴区康庄路171号院5号楼"));

        assertThat(fromNextBuilding.recipientId()).isEqualTo(neighbour.recipientId());
        assertThat(resident.recipientId()).isNotEqualTo(neighbour.recipientId());
        assertThat(mergeLog.merges()).isEmpty();
    }
}
