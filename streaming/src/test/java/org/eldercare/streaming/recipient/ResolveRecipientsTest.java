package org.eldercare.streaming.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.recipient.Services.HMAC_KEY;
import static org.eldercare.streaming.recipient.Services.HOME;
import static org.eldercare.streaming.recipient.Services.PHONE;
import static org.eldercare.streaming.recipient.Services.idNumber;
import static org.eldercare.streaming.recipient.Services.recipient;
import static org.eldercare.streaming.recipient.Services.served;
import static org.eldercare.streaming.recipient.Services.servedAt;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolveRecipientsTest {

    private static final LocalDate BIRTH = LocalDate.of(1945, 5, 20);
    private static final String ID = idNumber("110115", BIRTH, 31);

    private KeyedOneInputStreamOperatorTestHarness<String, PreparedRecord, ServiceRecordDocument> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void givesTwoRecordsOfOnePersonWithTyposOneId() throws Exception {
        ServiceRecordDocument first = serve(served(1, recipient("刘桂兰", ID, null, null, null, HOME)));
        ServiceRecordDocument second =
                serve(served(2, recipient("劉桂蘭", " " + ID.toLowerCase(), "137 3333 4444", null, "F", null)));

        assertThat(second.recipientId()).isEqualTo(first.recipientId());
        assertThat(second.matchedOn()).contains("idNumber");
        RecipientEntry person = latestRecipients().get(first.recipientId());
        assertThat(person.isRedirect()).isFalse();
        assertThat(person.person().servicesCount()).isEqualTo(2);
        assertThat(person.person().idNumberMasked()).isEqualTo("110115********" + ID.substring(14));
    }

    @Test
    void sendsTheIndexAPersonAgainOnlyForSomethingNewOrTheFirstServiceOfADay() throws Exception {
        String id = serve(servedAt(1, 8, recipient("刘桂兰", ID, null, null, null, HOME)))
                .recipientId();
        serve(servedAt(1, 11, recipient("刘桂兰", ID, null, null, null, HOME))); // the same day, nothing new
        serve(servedAt(1, 15, recipient("刘桂兰", ID, PHONE, null, null, HOME))); // a phone: new evidence
        serve(servedAt(1, 17, recipient("刘桂兰", ID, PHONE, null, null, HOME))); // nothing new again
        serve(servedAt(2, 9, recipient("刘桂兰", ID, PHONE, null, null, HOME))); // the next day's first

        assertThat(versions(ResolveRecipients.RECIPIENTS, id))
                .as("coverage folds every version")
                .extracting(e -> e.person().servicesCount())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(versions(ResolveRecipients.RECIPIENT_DOCUMENTS, id))
                .as("the index gets the new person, the phone, and the next day")
                .extracting(e -> e.person().servicesCount(), e -> e.person().phoneMasked() != null)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, false),
                        org.assertj.core.groups.Tuple.tuple(3L, true),
                        org.assertj.core.groups.Tuple.tuple(5L, true));
    }

    @Test
    void remembersWhatItSentTheIndexAcrossARestore() throws Exception {
        CareEvent first = servedAt(1, 8, recipient("刘桂兰", ID, null, null, null, HOME));
        String id = serve(first).recipientId();
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = harness(snapshot);

        serve(servedAt(1, 11, recipient("刘桂兰", ID, null, null, null, HOME)));

        assertThat(versions(ResolveRecipients.RECIPIENT_DOCUMENTS, id))
                .as("the fingerprint came back with the state: the same day's second service is not sent")
                .isEmpty();
    }

    @Test
    void keepsSpousesSharingAPhoneAsTwoPersons() throws Exception {
        ServiceRecordDocument husband = serve(served(
                1, recipient("张建国", idNumber("110115", LocalDate.of(1943, 2, 2), 51), PHONE, null, "M", HOME)));
        ServiceRecordDocument wife =
                serve(served(2, recipient("李淑珍", null, PHONE, LocalDate.of(1947, 9, 9), "F", HOME)));

        assertThat(wife.recipientId()).isNotEqualTo(husband.recipientId());
        assertThat(latestRecipients().values()).noneMatch(RecipientEntry::isRedirect);
    }

    @Test
    void answersAResolvedRecordAgainWithItsEarlierPersonAndCountsItOnce() throws Exception {
        CareEvent record = served(1, recipient("刘桂兰", ID, null, null, null, HOME));
        ServiceRecordDocument first = serve(record);
        serve(served(2, recipient("刘桂兰", ID, PHONE, null, null, null)));

        ServiceRecordDocument replayed = serve(record);

        assertThat(replayed).isEqualTo(first);
        assertThat(latestRecipients().get(first.recipientId()).person().servicesCount())
                .isEqualTo(2);
    }

    @Test
    void keepsEveryIdAfterARestoreFromASnapshot() throws Exception {
        ServiceRecordDocument husband = serve(served(
                1, recipient("张建国", idNumber("110115", LocalDate.of(1943, 2, 2), 51), PHONE, null, "M", HOME)));
        ServiceRecordDocument wife =
                serve(served(2, recipient("李淑珍", null, PHONE, LocalDate.of(1947, 9, 9), "F", HOME)));
        OperatorSubtaskState snapshot = harness.snapshot(1, 0);
        harness.close();

        harness = harness(snapshot);
        ServiceRecordDocument wifeAgain =
                serve(served(3, recipient("李淑珍", null, PHONE, LocalDate.of(1947, 9, 9), "F", HOME)));
        ServiceRecordDocument husbandReplayed = serve(served(
                1, recipient("张建国", idNumber("110115", LocalDate.of(1943, 2, 2), 51), PHONE, null, "M", HOME)));

        assertThat(wifeAgain.recipientId()).isEqualTo(wife.recipientId());
        assertThat(husbandReplayed).isEqualTo(husband);
        assertThat(latestRecipients().get(wife.recipientId()).person().servicesCount())
                .isEqualTo(2);
    }

    @Test
    void mergeRewritesTheYoungerPersonsRecordsAndRedirectsItsIdToTheOlder() throws Exception {
        ServiceRecordDocument byPhone = serve(served(1, recipient("刘桂兰", null, PHONE, null, null, null)));
        ServiceRecordDocument byId = serve(served(2, recipient("刘桂兰", ID, null, null, null, HOME)));
        assertThat(byId.recipientId()).isNotEqualTo(byPhone.recipientId());
        harness.getOutput().clear();

        serve(served(3, recipient("刘桂兰", ID, PHONE, null, null, null)));

        String kept = byPhone.recipientId();
        String merged = byId.recipientId();
        assertThat(latestServiceRecords())
                .as("the merged person's record now names the kept id")
                .containsEntry("op-1:rec-2", kept)
                .containsEntry("op-1:rec-3", kept);
        Map<String, RecipientEntry> recipients = latestRecipients();
        assertThat(recipients.get(merged).mergedInto()).isEqualTo(kept);
        assertThat(recipients.get(merged).person().idHashes())
                .as("a redirect carries no evidence")
                .isNull();
        assertThat(recipients.get(kept).mergedIds()).containsExactly(merged);
        assertThat(recipients.get(kept).person().servicesCount()).isEqualTo(3);
    }

    @Test
    void redirectsAnIdMergedTwiceStraightToTheSurvivor() throws Exception {
        ServiceRecordDocument oldest = serve(served(1, recipient("刘桂兰", null, PHONE, null, null, null)));
        ServiceRecordDocument middle = serve(served(2, recipient("刘桂兰", ID, null, null, null, null)));
        String otherPhone = "13900001111";
        ServiceRecordDocument youngest = serve(served(3, recipient("刘桂兰", null, otherPhone, null, null, null)));
        serve(served(4, recipient("刘桂兰", ID, otherPhone, null, null, null)));
        serve(served(5, recipient("刘桂兰", ID, PHONE, null, null, null)));

        Map<String, RecipientEntry> recipients = latestRecipients();
        String survivor = oldest.recipientId();
        assertThat(recipients.get(middle.recipientId()).mergedInto()).isEqualTo(survivor);
        assertThat(recipients.get(youngest.recipientId()).mergedInto()).isEqualTo(survivor);
        assertThat(recipients.get(survivor).mergedIds())
                .containsExactlyInAnyOrder(middle.recipientId(), youngest.recipientId());
        assertThat(latestServiceRecords().values()).containsOnly(survivor);
    }

    private ServiceRecordDocument serve(CareEvent event) throws Exception {
        int before = harness.extractOutputValues().size();
        harness.processElement(PreparedRecord.of(event), 0);
        List<ServiceRecordDocument> out = harness.extractOutputValues();
        return out.subList(before, out.size()).stream()
                .filter(r -> r.recordId()
                        .equals(event.dataAs(org.eldercare.ingest.event.ServiceDelivered.class)
                                .recordId()))
                .findFirst()
                .orElseThrow();
    }

    /** Record key → recipientId, as last written. */
    private Map<String, String> latestServiceRecords() {
        Map<String, String> latest = new LinkedHashMap<>();
        harness.extractOutputValues()
                .forEach(r ->
                        latest.put(ServiceRecordDocument.documentId(r.operatorId(), r.recordId()), r.recipientId()));
        return latest;
    }

    /** The versions of {@code id}'s document on {@code output}, in order. */
    private List<RecipientEntry> versions(org.apache.flink.util.OutputTag<RecipientEntry> output, String id) {
        List<RecipientEntry> versions = new java.util.ArrayList<>();
        var records = harness.getSideOutput(output);
        if (records != null) {
            records.forEach(r -> {
                if (r.getValue().documentId().equals(id)) {
                    versions.add(r.getValue());
                }
            });
        }
        return versions;
    }

    private Map<String, RecipientEntry> latestRecipients() {
        Map<String, RecipientEntry> latest = new LinkedHashMap<>();
        for (StreamRecord<RecipientEntry> r : harness.getSideOutput(ResolveRecipients.RECIPIENTS)) {
            latest.put(r.getValue().documentId(), r.getValue());
        }
        return latest;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PreparedRecord, ServiceRecordDocument> harness(
            OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new ResolveRecipients(TestPiiSecrets.withHmacKey(HMAC_KEY), ResolutionThresholds.DEFAULT)),
                e -> ResolveRecipients.ALL,
                Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }
}
