package org.eldercare.streaming.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.fixtures.Events.STREET;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * This build restores the committed savepoint of the previous release ({@link SavepointFixture#RESOURCE}, written by
 * {@link SavepointFixtureGenerator}) and goes on from its state: every figure asserted here needs the ledger,
 * caregiver, view, scope and recipient state of the savepoint (without it the first event would be a dead letter for
 * an unknown facility).
 */
class SavepointRestoreTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @Test
    void continuesFromTheStateInTheSavepointOfThePreviousRelease() throws Exception {
        Path savepoint = Path.of(getClass()
                .getClassLoader()
                .getResource(SavepointFixture.RESOURCE)
                .toURI());
        Configuration conf = SavepointFixture.noKryo();
        conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint.toUri().toString());
        // Only the fixture's own open-ended source is left unclaimed; this run reads a bounded one.
        conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        SavepointFixture.Sinks sinks = new SavepointFixture.Sinks("restore");
        var after = env.fromData(
                        SavepointFixture.raw(SavepointFixture.after()),
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1)
                .uid(SavepointFixture.SOURCE_UID + "-after");
        SavepointFixture.build(env, after, sinks);
        env.execute("restore savepoint");

        assertThat(sinks.deadLetters.collected())
                .as("f-1 and f-2 are known from the savepoint")
                .isEmpty();

        FacilityDocument f1 = latestBy(sinks.facilities.collected(), FacilityDocument::facilityId)
                .get("f-1");
        assertThat(f1.beds()).isEqualTo(10);
        assertThat(f1.occupiedBeds()).as("3 before, 2 after").isEqualTo(5);
        assertThat(f1.caregiversOnDuty()).as("c-1's shift from before").isEqualTo(1);

        IndicatorDocument street =
                latestBy(sinks.indicators.collected(), IndicatorDocument::code).get(STREET);
        assertThat(street.beds()).isEqualTo(50);
        assertThat(street.occupiedBeds()).isEqualTo(35);
        assertThat(street.caregivers()).as("c-1 before, c-2 after").isEqualTo(2);
        assertThat(street.certifiedCaregivers()).isEqualTo(1);
        assertThat(street.caregiversOnDuty()).isEqualTo(1);
        assertThat(street.residents()).as("the planner's figure from before").isEqualTo(50_000L);
        assertThat(street.elderly60()).isEqualTo(12_000L);

        ServiceRecordDocument record = latestBy(sinks.serviceRecords.collected(), ServiceRecordDocument::recordId)
                .get("rec-2");
        RecipientEntry person = latestBy(sinks.recipients.collected(), RecipientEntry::documentId)
                .get(record.recipientId());
        assertThat(person.person().servicesCount())
                .as("the recipient of rec-1, from before, served again")
                .isEqualTo(2);
        assertThat(record.matchedOn())
                .as("the birth date of rec-1, kept in clear by the previous release, compares as its digest")
                .contains("birthDate");
    }

    private static <T> Map<String, T> latestBy(List<T> all, Function<T, String> id) {
        Map<String, T> latest = new LinkedHashMap<>();
        all.forEach(d -> latest.put(id.apply(d), d));
        return latest;
    }
}
