package org.eldercare.search.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.search.resolve.People.idNumber;
import static org.eldercare.search.resolve.People.recipient;

import java.time.Instant;
import java.time.LocalDate;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.junit.jupiter.api.Test;

class RecipientResolverTest {

    private static final LocalDate BIRTH = LocalDate.of(1945, 5, 20);
    private static final String ID = idNumber("110115", BIRTH, 31);
    private static final String PHONE = "13733334444";
    private static final String HOME = "大兴区清源街道兴华大街1号";

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
    void givesAllRecordsOfOnePersonTheSameId() {
        Resolution first = serve(recipient("刘桂兰", ID, null, null, null, HOME));
        Resolution second = serve(recipient("劉桂蘭", " " + ID.toLowerCase(), PHONE, null, "F", null));
        Resolution third = serve(recipient("刘桂兰", null, "+86 137-3333-4444", null, null, null));

        assertThat(first.created()).isTrue();
        assertThat(second.recipientId()).isEqualTo(first.recipientId());
        assertThat(third.recipientId()).isEqualTo(first.recipientId());
        assertThat(store.get(first.recipientId()).orElseThrow().servicesCount()).isEqualTo(3);
    }

    @Test
    void mergesTwoEarlierPersonsWhenARecordLinksThemKeepingTheOlderId() {
        Resolution byPhone = serve(recipient("刘桂兰", null, PHONE, null, null, null));
        Resolution byId = serve(recipient("刘桂兰", ID, null, null, null, HOME));
        assertThat(byId.recipientId()).isNotEqualTo(byPhone.recipientId());

        Resolution bridge = serve(recipient("刘桂兰", ID, PHONE, null, null, null));

        assertThat(bridge.recipientId()).isEqualTo(byPhone.recipientId());
        assertThat(bridge.merges()).singleElement().satisfies(m -> {
            assertThat(m.keptId()).isEqualTo(byPhone.recipientId());
            assertThat(m.mergedId()).isEqualTo(byId.recipientId());
        });
        assertThat(store.canonicalId(byId.recipientId())).isEqualTo(byPhone.recipientId());
        assertThat(store.get(byId.recipientId()).orElseThrow().servicesCount()).isEqualTo(3);
        assertThat(mergeLog.merges()).hasSize(1);
    }

    @Test
    void keepsSpousesSharingAPhoneAsTwoPersons() {
        Resolution husband =
                serve(recipient("张建国", idNumber("110115", LocalDate.of(1943, 2, 2), 51), PHONE, null, "M", HOME));
        Resolution wife = serve(recipient("李淑珍", null, PHONE, LocalDate.of(1947, 9, 9), "F", HOME));

        assertThat(wife.recipientId()).isNotEqualTo(husband.recipientId());
        assertThat(mergeLog.merges()).isEmpty();
    }

    @Test
    void keepsNamesakesAsTwoPersons() {
        Resolution older =
                serve(recipient("王秀英", idNumber("110109", LocalDate.of(1936, 1, 1), 2), null, null, null, HOME));
        Resolution younger =
                serve(recipient("王秀英", idNumber("110115", LocalDate.of(1958, 6, 6), 4), null, null, null, HOME));

        assertThat(younger.recipientId()).isNotEqualTo(older.recipientId());
    }

    @Test
    void givesTheSameIdsWhenTheSameRecordsAreReplayed() {
        Resolution first = serve(recipient("刘桂兰", ID, null, null, null, HOME));
        RecipientResolver replay =
                new RecipientResolver(new InMemoryPersonStore(), new MergeLog(), ResolutionThresholds.DEFAULT);

        Resolution again = replay.resolve(
                "op-1:rec-1", Instant.parse("2025-03-02T08:00:00Z"), recipient("刘桂兰", ID, null, null, null, HOME));

        assertThat(again.recipientId()).isEqualTo(first.recipientId());
    }

    @Test
    void neverShowsRawNumbersInAPersonOrResolution() {
        Resolution r = serve(recipient("刘桂兰", ID, PHONE, null, null, HOME));

        assertThat(r.toString()).doesNotContain(ID).doesNotContain(PHONE);
        assertThat(r.person().toString())
                .doesNotContain(ID)
                .doesNotContain(PHONE)
                .contains("137****4444");
    }
}
