package org.eldercare.streaming.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.InstantiationUtil;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.PiiKeyring;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.IndicatorJob;
import org.eldercare.streaming.JobSinks;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/CONTRACT.md §6.7 on the whole job: raw and sealed recipients in, and neither the savepoint (all keyed state
 * and timers, as a checkpoint holds them), nor the documents the sinks would buffer, nor the dead letters hold a raw
 * ID number or phone, or a birth date in any form state writes one. The keys reach the tasks from files and never
 * appear in the job graph.
 */
class PiiAtRestTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    static final String HMAC_KEY = "pii-at-rest-test-hmac-key-0123456789";
    static final String KEYS =
            "k2:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=,k1:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
    static final String ID_RAW = "110109194103021231";
    static final String PHONE_RAW = "13812345678";
    static final String ID_SEALED = "110109193807154564";
    static final String PHONE_SEALED = "13987654321";
    static final OffsetDateTime NOW =
            OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
    /** The dates the two recipients' ID numbers hold. */
    static final LocalDate BORN_RAW = LocalDate.of(1941, 3, 2);

    static final LocalDate BORN_SEALED = LocalDate.of(1938, 7, 15);
    /** A registered person who turns 80 in three weeks: the register must label her then, with no timer on it. */
    static final LocalDate BORN_REGISTERED =
            LocalDate.now(ShanghaiTime.ZONE).plusDays(20).minusYears(80);

    @Test
    void neitherStateNorSinksNorDeadLettersHoldARawIdOrPhoneOrABirthDate(@TempDir Path tmp) throws Exception {
        PiiSecrets secrets = TestPiiSecrets.inFiles(HMAC_KEY, KEYS);
        RecipientTokeniser tokeniser = secrets.tokeniser(name -> null);
        RecipientTokeniser foreign = new RecipientTokeniser(
                Pii.withKey(HMAC_KEY), PiiKeyring.parse("zz:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "test"));
        Recipient raw = new Recipient("刘桂兰", ID_RAW, PHONE_RAW, "F", null, "大峪街道", null);
        Recipient other = new Recipient("张建国", ID_SEALED, PHONE_SEALED, "M", null, "大峪街道", null);

        ArrayList<byte[]> records = new ArrayList<>();
        records.add(CloudEventJson.write(Events.at(NOW, Events.registered("f-1", FacilityKind.CARE_STATION, 10))));
        // A direct producer's raw recipient: sealed on read.
        records.add(CloudEventJson.write(service("s-raw", "f-1", "rec-raw", raw, 45)));
        // The API's sealed form.
        records.add(CloudEventJson.write(tokeniser.seal(service("s-sealed", "f-1", "rec-sealed", other, 30))));
        // Rejected downstream (unknown facility): a dead letter of the sealed event.
        records.add(CloudEventJson.write(service("s-unknown", "f-9", "rec-unknown", raw, 45)));
        // Rejected while parsing: the raw bytes, redacted.
        records.add(CloudEventJson.write(service("s-invalid", "f-1", "rec-invalid", other, 0)));
        // Sealed under a key the job does not hold.
        records.add(CloudEventJson.write(foreign.seal(service("s-foreign", "f-1", "rec-foreign", other, 30))));
        // The register: a raw identity from the civil-affairs feed, sealed on read.
        records.add(CloudEventJson.write(
                Events.at(NOW, Events.personRegistered("p-80", BORN_REGISTERED, LivingArrangement.ALONE))));

        SavepointFixture.Sinks sinks = new SavepointFixture.Sinks("pii");
        CollectingSink<PersonDocument> persons = new CollectingSink<>("pii-persons");
        JobSinks withPersons = JobSinks.builder()
                .indicators(sinks.job.indicators())
                .indicatorHistory(sinks.job.indicatorHistory())
                .facilities(sinks.job.facilities())
                .alerts(sinks.job.alerts())
                .deadLetters(sinks.job.deadLetters())
                .serviceRecords(sinks.job.serviceRecords())
                .recipients(sinks.job.recipients())
                .persons(persons)
                .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(SavepointFixture.noKryo());
        env.setParallelism(2);
        IndicatorJob.build(env, SavepointFixture.openEnded(env, records), withPersons, config(secrets));
        JobClient job = env.executeAsync("pii at rest");

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (sinks.serviceRecords.collected().size() < 2
                || sinks.deadLetters.collected().size() < 3
                || sinks.recipients.collected().size() < 2
                || persons.collected().isEmpty()) {
            assertThat(System.nanoTime()).as("records processed in time").isLessThan(deadline);
            Thread.sleep(200);
        }
        String savepoint = job.stopWithSavepoint(false, tmp.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(3, TimeUnit.MINUTES);

        Path written = savepoint.startsWith("file:") ? Path.of(URI.create(savepoint)) : Path.of(savepoint);
        byte[] state = allBytes(written);
        assertThat(state.length).as("the savepoint holds the resolver's state").isGreaterThan(1_000);
        assertThat(new String(state, StandardCharsets.ISO_8859_1))
                .as("savepoint files")
                .doesNotContain(ID_RAW, PHONE_RAW, ID_SEALED, PHONE_SEALED)
                // a positive control: the state does hold the masks
                .contains(ascii(Pii.maskIdNumber(ID_RAW)));
        // Beside those masks a birth date gives the whole ID number back (docs/CONTRACT.md §6.2, §6.7).
        List<String> datesInState = new ArrayList<>();
        for (LocalDate born : List.of(BORN_RAW, BORN_SEALED, BORN_REGISTERED)) {
            birthDateForms(born).forEach((form, bytes) -> {
                if (indexOf(state, bytes) >= 0) {
                    datesInState.add(born + " as " + form);
                }
            });
        }
        assertThat(datesInState).as("birth dates in the savepoint").isEmpty();

        List<String> outputs = new ArrayList<>();
        sinks.serviceRecords.collected().forEach(d -> outputs.add(d.toString()));
        sinks.recipients.collected().forEach(d -> outputs.add(d.toString()));
        sinks.deadLetters.collected().forEach(d -> outputs.add(d.toString()));
        persons.collected().forEach(d -> outputs.add(d.toString()));
        assertThat(outputs).allSatisfy(o -> assertThat(o).doesNotContain(ID_RAW, PHONE_RAW, ID_SEALED, PHONE_SEALED));
        for (LocalDate born : List.of(BORN_RAW, BORN_SEALED, BORN_REGISTERED)) {
            assertThat(outputs)
                    .allSatisfy(o -> assertThat(o)
                            .doesNotContain(born.toString(), born.format(DateTimeFormatter.BASIC_ISO_DATE)));
        }
        assertThat(persons.collected().getLast().birthYear())
                .as("the year is shown, as it may be")
                .isEqualTo(BORN_REGISTERED.getYear());

        // Resolution still works under the keys the tasks read: digests of the right HMAC key.
        assertThat(sinks.serviceRecords.collected())
                .extracting(ServiceRecordDocument::recordId)
                .contains("rec-raw", "rec-sealed");
        assertThat(sinks.serviceRecords.collected())
                .filteredOn(d -> d.recordId().equals("rec-raw"))
                .allSatisfy(d -> assertThat(d.recipient().idHash())
                        .isEqualTo(Pii.withKey(HMAC_KEY).hashIdNumber(ID_RAW)));
        assertThat(sinks.deadLetters.collected())
                .extracting(Rejection::eventId)
                .contains("s-unknown", "s-invalid", "s-foreign");
        assertThat(sinks.deadLetters.collected())
                .filteredOn(r -> r.eventId().equals("s-foreign"))
                .singleElement()
                .satisfies(r -> assertThat(r.reasons())
                        .containsExactly("data.recipient.sealed: cannot be opened with the platform's PII keys"));
    }

    @Test
    void theKeysAreInNeitherTheJobGraphNorTheGlobalJobParameters() throws Exception {
        PiiSecrets secrets = TestPiiSecrets.inFiles(HMAC_KEY, KEYS);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(SavepointFixture.noKryo());
        IndicatorJob.build(
                env,
                SavepointFixture.openEnded(env, new ArrayList<>()),
                new SavepointFixture.Sinks("graph").job,
                config(secrets));

        JobGraph graph = env.getStreamGraph().getJobGraph();
        String serialized = new String(InstantiationUtil.serializeObject(graph), StandardCharsets.ISO_8859_1);
        String operators = new StringBuilder()
                .append(graph.getJobConfiguration())
                .append(env.getConfig().getGlobalJobParameters().toMap())
                .toString();
        for (var vertex : graph.getVertices()) {
            serialized += new String(
                    InstantiationUtil.serializeObject(vertex.getConfiguration()), StandardCharsets.ISO_8859_1);
        }

        assertThat(serialized)
                .as("a positive control: the graph does name the key file")
                .contains(secrets.hmacKeyFile());
        assertThat(serialized + operators)
                .doesNotContain(HMAC_KEY)
                .doesNotContain("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY")
                .doesNotContain("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA");
    }

    @Test
    void refusesTheDemoKeyWhenTheJobIsBuiltUnlessTheLocalFlagIsSet() {
        StreamingConfig demo = config(TestPiiSecrets.inFiles(Pii.DEMO_KEY, KEYS));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(SavepointFixture.noKryo());

        assertThatThrownBy(() -> IndicatorJob.build(
                        env,
                        SavepointFixture.openEnded(env, new ArrayList<>()),
                        new SavepointFixture.Sinks("demo").job,
                        demo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pii.hmac-key-file")
                .hasMessageContaining("public demo key");
    }

    private static StreamingConfig config(PiiSecrets secrets) {
        return StreamingConfig.defaults()
                .with("pii.hmac-key-file", secrets.hmacKeyFile())
                .with("pii.keys-file", secrets.keysFile())
                .withCoalesceInterval(Duration.ZERO)
                .withSilenceThreshold(Duration.ofHours(1));
    }

    private static CareEvent service(String id, String facility, String recordId, Recipient recipient, int minutes) {
        return new CareEvent(
                id,
                "/operators/op-1",
                EventType.SERVICE_DELIVERED,
                NOW,
                new ServiceDelivered(
                        recordId, facility, null, ServiceType.BATHING, NOW.minusMinutes(50), minutes, recipient));
    }

    /**
     * The forms a birth date takes when written: text ({@code yyyy-MM-dd}, {@code yyyyMMdd}), {@code Wire.date}'s
     * epoch day, Flink's {@code LocalDateSerializer} (int year, byte month, byte day), and the epoch millis of the
     * midnights (Asia/Shanghai) of the 80th and 90th birthdays, which a label timer would hold.
     */
    private static Map<String, byte[]> birthDateForms(LocalDate born) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("yyyy-MM-dd", born.toString().getBytes(StandardCharsets.US_ASCII));
        forms.put("yyyyMMdd", born.format(DateTimeFormatter.BASIC_ISO_DATE).getBytes(StandardCharsets.US_ASCII));
        forms.put("epoch day", ByteBuffer.allocate(8).putLong(born.toEpochDay()).array());
        forms.put(
                "LocalDateSerializer",
                ByteBuffer.allocate(6)
                        .putInt(born.getYear())
                        .put((byte) born.getMonthValue())
                        .put((byte) born.getDayOfMonth())
                        .array());
        for (int age : new int[] {80, 90}) {
            long midnight = born.plusYears(age)
                    .atStartOfDay(ShanghaiTime.ZONE)
                    .toInstant()
                    .toEpochMilli();
            forms.put(
                    "timer at the " + age + "th birthday",
                    ByteBuffer.allocate(8).putLong(midnight).array());
        }
        return forms;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] allBytes(Path dir) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.write(Files.readAllBytes(f));
            }
        }
        return out.toByteArray();
    }

    private static String ascii(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
