package org.eldercare.streaming.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.fixtures.Events.STREET;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.search.document.IndicatorDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the savepoint that {@link SavepointRestoreTest} restores: the whole job on {@link SavepointFixture#before()},
 * stopped with a canonical savepoint once every event has been processed. Not part of the build (its name is no
 * test's); run it on the release whose state you want to keep, e.g.
 *
 * <pre>
 * ./mvnw -o -pl streaming -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=SavepointFixtureGenerator -Dsavepoint.fixture.out=$PWD/streaming/src/test/resources/savepoints/NAME
 * </pre>
 *
 * then point {@link SavepointFixture#RESOURCE} (or a new restore test) at it. The committed one was written by
 * commit b09e42e, before the serializers were versioned.
 */
@EnabledIfSystemProperty(named = "savepoint.fixture.out", matches = ".+")
class SavepointFixtureGenerator {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @Test
    void writesASavepointOfTheJobAfterTheFixtureEvents(@TempDir Path tmp) throws Exception {
        Path out = Path.of(System.getProperty("savepoint.fixture.out"));
        SavepointFixture.Sinks sinks = new SavepointFixture.Sinks("generate");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(SavepointFixture.noKryo());
        SavepointFixture.build(
                env, SavepointFixture.openEnded(env, SavepointFixture.raw(SavepointFixture.before())), sinks);
        JobClient job = env.executeAsync("savepoint fixture");

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!processedEverything(sinks)) {
            assertThat(System.nanoTime())
                    .as("the fixture events were processed in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(sinks.deadLetters.collected()).isEmpty();

        String savepoint = job.stopWithSavepoint(false, tmp.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(3, TimeUnit.MINUTES);
        Path written = savepoint.startsWith("file:") ? Path.of(URI.create(savepoint)) : Path.of(savepoint);
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(written)) {
            for (Path file : files.toList()) {
                Files.copy(file, out.resolve(file.getFileName()));
            }
        }
    }

    private static boolean processedEverything(SavepointFixture.Sinks sinks) {
        List<IndicatorDocument> street = sinks.indicators.collected().stream()
                .filter(d -> d.code().equals(STREET))
                .toList();
        if (street.isEmpty()
                || sinks.recipients.collected().isEmpty()
                || sinks.serviceRecords.collected().isEmpty()) {
            return false;
        }
        IndicatorDocument latest = street.getLast();
        return latest.beds() == 50
                && latest.occupiedBeds() == 33
                && latest.caregiversOnDuty() == 1
                && Long.valueOf(12_000).equals(latest.elderly60());
    }
}
