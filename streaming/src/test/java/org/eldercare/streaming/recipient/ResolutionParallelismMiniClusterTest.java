package org.eldercare.streaming.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.recipient.Services.HMAC_KEY;
import static org.eldercare.streaming.recipient.Services.HOME;
import static org.eldercare.streaming.recipient.Services.idNumber;
import static org.eldercare.streaming.recipient.Services.recipient;
import static org.eldercare.streaming.recipient.Services.served;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.serde.StreamTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recipient resolution with its records prepared by four instances finds the same persons as with one: the records
 * of one person reach the one resolver from different instances, and are still linked and merged into one person;
 * namesakes and spouses sharing a phone stay apart. The persons are compared as groups of records, since which
 * record comes first (and so names a person) depends on how the instances interleave.
 */
class ResolutionParallelismMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    private static final String LIU_PHONE = "13733334444";
    private static final String ZHANG_PHONE = "13611112222";
    private static final String WANG_PHONE = "13900001111";
    private static final String ZHAO_PHONE = "13511115555";
    private static final String OTHER_HOME = "大兴区清源街道康庄路20号院2号楼";

    /**
     * Four persons each known first by a phone alone and by an ID number alone, then by a record with both (in
     * this order the second is a merge), a namesake of the first with another ID number, and spouses sharing a
     * phone. The expected persons, as the record ids of each.
     */
    private static final List<Set<String>> PERSONS = List.of(
            Set.of("rec-1", "rec-2", "rec-3", "rec-4"),
            Set.of("rec-5", "rec-6", "rec-7"),
            Set.of("rec-8", "rec-9", "rec-10"),
            Set.of("rec-11", "rec-12", "rec-13"),
            Set.of("rec-14"),
            Set.of("rec-15", "rec-16"),
            Set.of("rec-17", "rec-18"));

    private static List<CareEvent> records() {
        LocalDate liuBorn = LocalDate.of(1945, 5, 20);
        String liu = idNumber("110115", liuBorn, 42);
        String zhang = idNumber("110115", LocalDate.of(1943, 2, 2), 51);
        String wang = idNumber("110109", LocalDate.of(1938, 11, 30), 22);
        String zhao = idNumber("110109", LocalDate.of(1950, 1, 9), 62);
        String liuNamesake = idNumber("110115", LocalDate.of(1951, 7, 7), 44);
        return List.of(
                served(1, recipient("刘桂兰", null, LIU_PHONE, null, null, null)),
                served(2, recipient("刘桂兰", liu, null, null, null, HOME)),
                // Traditional characters and a spaced phone: the same person once normalised.
                served(3, recipient("劉桂蘭", liu, "137 3333 4444", null, "F", null)),
                served(4, recipient("刘桂兰", liu, null, liuBorn, "F", HOME)),
                served(5, recipient("张建国", null, ZHANG_PHONE, null, "M", OTHER_HOME)),
                served(6, recipient("张建国", zhang, null, null, null, null)),
                served(7, recipient("张建国", zhang, ZHANG_PHONE, null, "M", OTHER_HOME)),
                served(8, recipient("王秀英", null, WANG_PHONE, null, "F", null)),
                served(9, recipient("王秀英", wang, null, null, "F", HOME)),
                served(10, recipient("王秀英", wang, WANG_PHONE, null, null, HOME)),
                served(11, recipient("赵淑芬", null, ZHAO_PHONE, null, null, OTHER_HOME)),
                served(12, recipient("赵淑芬", zhao, null, null, null, null)),
                served(13, recipient("赵淑芬", zhao, ZHAO_PHONE, null, "F", OTHER_HOME)),
                // Another 刘桂兰 with her own ID number: never the first one.
                served(14, recipient("刘桂兰", liuNamesake, null, null, "F", HOME)),
                // Spouses sharing one phone: two persons.
                served(
                        15,
                        recipient(
                                "孙志强",
                                idNumber("110115", LocalDate.of(1940, 3, 3), 13),
                                "13822223333",
                                null,
                                "M",
                                OTHER_HOME)),
                served(16, recipient("孙志强", null, "13822223333", null, "M", OTHER_HOME)),
                served(17, recipient("周玉珍", null, "13822223333", LocalDate.of(1944, 8, 8), "F", OTHER_HOME)),
                served(18, recipient("周玉珍", null, "13822223333", LocalDate.of(1944, 8, 8), "F", OTHER_HOME)));
    }

    @Test
    void fourPreparingInstancesFindTheSamePersonsAsOne() throws Exception {
        Outcome one = resolve(1);
        Outcome four = resolve(4);

        assertThat(one.persons()).as("one preparing instance").containsExactlyInAnyOrderElementsOf(PERSONS);
        assertThat(one.merges())
                .as("in the source's order each ID-only person is merged once")
                .isEqualTo(4);
        assertThat(four.persons())
                .as("four preparing instances: the same persons")
                .containsExactlyInAnyOrderElementsOf(one.persons());
    }

    /**
     * The persons and merges of the job's resolution with {@code parallelism} preparing instances.
     *
     * @param persons the groups of record ids that ended with one current recipient id
     * @param merges how many ids ended as redirects
     */
    private record Outcome(List<Set<String>> persons, int merges) {}

    private static Outcome resolve(int parallelism) throws Exception {
        PiiSecrets pii = TestPiiSecrets.withHmacKey(HMAC_KEY);
        RecipientTokeniser tokeniser = pii.tokeniser();
        List<CareEvent> sealed = records().stream().map(tokeniser::seal).toList();
        CollectingSink<ServiceRecordDocument> documents = new CollectingSink<>("records-p" + parallelism);
        CollectingSink<RecipientEntry> recipients = new CollectingSink<>("recipients-p" + parallelism);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(4);
        RecipientResolution.attach(
                env.fromData(sealed, StreamTypes.CARE_EVENT).setParallelism(1),
                null,
                pii,
                parallelism,
                documents,
                recipients,
                null);
        env.execute("resolution with " + parallelism + " preparing instances");

        Map<String, String> redirects = new HashMap<>();
        recipients.collected().stream()
                .filter(RecipientEntry::isRedirect)
                .forEach(e -> redirects.put(e.documentId(), e.mergedInto()));
        Map<String, String> recipientOf = new TreeMap<>();
        documents.collected().forEach(d -> recipientOf.put(d.recordId(), d.recipientId()));
        Map<String, Set<String>> byPerson = new HashMap<>();
        recipientOf.forEach((record, id) -> {
            String current = id;
            while (redirects.containsKey(current)) {
                current = redirects.get(current);
            }
            byPerson.computeIfAbsent(current, k -> new TreeSet<>()).add(record);
        });
        List<Set<String>> persons = new ArrayList<>(
                byPerson.values().stream().map(s -> (Set<String>) Set.copyOf(s)).collect(Collectors.toList()));
        return new Outcome(persons, redirects.size());
    }
}
