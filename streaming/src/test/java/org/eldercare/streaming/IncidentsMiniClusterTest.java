package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.IncidentDay;
import org.eldercare.streaming.fixtures.VisitMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job at parallelism 2 on a day of terminals ({@link IncidentDay}): every incident, its state, its times, its
 * escalations, breaches and history, equals {@link ExpectedIncidents}, a fold over the same events (docs/CONTRACT.md
 * §9.4–§9.6); the rejected device events and hotline steps are the fold's.
 */
class IncidentsMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void raisesEscalatesAndClosesIncidentsAsAPlainFoldOverADayOfTerminals() throws Exception {
        LocalDate day = IncidentDay.dayOf(today);
        List<CareEvent> events = IncidentDay.events(today, ExpectedIncidents::incidentId);

        Run run = run(events, Clock.systemUTC());

        assumeThat(LocalDate.now(ZoneId.of("Asia/Shanghai")))
                .as("the run did not cross midnight")
                .isEqualTo(today);
        ExpectedIncidents expected = new ExpectedIncidents(events);
        Map<String, IncidentDocument> latest = run.matches(expected);

        // Anchors, so the two readings cannot agree on nothing.
        assertThat(latest.values())
                .extracting(IncidentDocument::rule)
                .containsExactlyInAnyOrder("SOS", "SOS", "DEVICE_SILENT", "LOW_WATER", "MISSED_VISIT");
        IncidentDocument inTime = byDevice(latest, "sos-1");
        assertThat(inTime.state()).isEqualTo("RESOLVED");
        assertThat(inTime.breached())
                .as("acknowledged at 09:02, dispatched 09:10, closed 10:30")
                .isEmpty();
        assertThat(inTime.person().nameMasked()).isEqualTo("王*英");
        IncidentDocument escalated = byDevice(latest, "watch-2");
        assertThat(escalated.escalations())
                .extracting(IncidentDocument.Escalation::tier)
                .as("14:03 to the street office, 14:13 to the community")
                .containsExactly("STREET_OFFICE", "COMMUNITY");
        assertThat(escalated.breached()).containsExactly("ACKNOWLEDGE", "DISPATCH");
        IncidentDocument silent = byDevice(latest, "door-3");
        assertThat(silent.openedAt().toLocalTime())
                .as("3 hourly heartbeats after 10:00")
                .hasToString("13:00");
        IncidentDocument water = byDevice(latest, "wm-4");
        assertThat(water.personId())
                .as("p-1 lives alone; p-2's 4 L raise nothing")
                .isEqualTo("p-1");
        assertThat(water.evidence()).startsWith("6.5 L on " + day);
        assertThat(water.acknowledgedAt()).isNotNull();
        assertThat(expected.rejections).hasSize(4);
        IncidentDocument missed = latest.values().stream()
                .filter(d -> d.rule().equals("MISSED_VISIT"))
                .findFirst()
                .orElseThrow();
        assertThat(missed.personId())
                .as("p-1 lives alone and nobody visited; p-2 lives with family")
                .isEqualTo("p-1");

        // The topic eldercare.incidents.v1 (§9.5): every transition of the fold's history once, in seq order per
        // incident, each with the incident as that transition left it.
        Map<String, List<IncidentTransitionRecord>> published = new TreeMap<>();
        run.transitions()
                .forEach(r -> published
                        .computeIfAbsent(r.incidentId(), id -> new java.util.ArrayList<>())
                        .add(r));
        assertThat(published.keySet()).containsExactlyElementsOf(expected.incidents.keySet());
        for (var entry : expected.incidents.entrySet()) {
            IncidentDocument fold = entry.getValue();
            List<IncidentTransitionRecord> records = published.get(entry.getKey());
            assertThat(records)
                    .as("the records of %s (%s), once each and in order", entry.getKey(), fold.rule())
                    .extracting(r -> r.seq() + " " + r.type() + " " + r.at().toInstant() + " " + r.by())
                    .containsExactlyElementsOf(fold.transitions().stream()
                            .map(t -> t.seq() + " " + t.type() + " " + t.at().toInstant() + " " + t.by())
                            .toList());
            IncidentTransitionRecord last = records.getLast();
            assertThat(List.of(last.state(), last.assignedTo(), last.escalationLevel(), last.breached()))
                    .as("the last record of %s holds the incident's final state", entry.getKey())
                    .isEqualTo(List.of(fold.state(), fold.assignedTo(), fold.escalationLevel(), fold.breached()));
        }
        List<IncidentTransitionRecord> watch = published.get(escalated.incidentId());
        assertThat(watch)
                .extracting(r -> r.type() + " " + r.state() + " " + r.assignedTo())
                .as("each escalation is its own record, with the tier it passed the incident to")
                .contains(
                        "incident.opened OPEN HOTLINE",
                        "incident.escalated OPEN STREET_OFFICE",
                        "incident.escalated OPEN COMMUNITY");
        assertThat(run.transitions())
                .as("no person and no note on the topic")
                .allSatisfy(r -> assertThat(new String(r.toJson(), java.nio.charset.StandardCharsets.UTF_8))
                        .doesNotContain("王", "nameMasked", "note"));
    }

    @Test
    void judgesAMonthOfHomeVisitsAfterItsGraceDaysAsAPlainFold() throws Exception {
        List<CareEvent> events = VisitMonth.events();

        Run run = run(events, VisitMonth.CLOCK);

        Map<String, IncidentDocument> latest = run.matches(new ExpectedIncidents(events));
        // Anchors: only v-2, whose one visit fell on 1 November.
        assertThat(latest.values())
                .extracting(IncidentDocument::rule, IncidentDocument::personId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSED_VISIT", "v-2"));
        IncidentDocument missed = latest.values().iterator().next();
        assertThat(missed.incidentId()).isEqualTo(ExpectedIncidents.incidentId("MISSED_VISIT", "v-2", "VISIT|2026-10"));
        assertThat(missed.openedAt()).isEqualTo(OffsetDateTime.parse("2026-11-04T00:00:00+08:00"));
        assertThat(missed.assignedTo()).isEqualTo("STREET_OFFICE");
        assertThat(missed.person().labels()).contains("LIVING_ALONE");
        assertThat(run.deadLetters()).isEmpty();
    }

    /** What a run of the whole job wrote: the incident documents, their topic's records and the dead letters. */
    private record Run(
            List<IncidentDocument> incidents, List<IncidentTransitionRecord> transitions, List<Rejection> deadLetters) {

        /** The latest document of each incident, after checking them and the rejections against the fold. */
        Map<String, IncidentDocument> matches(ExpectedIncidents expected) {
            assertThat(deadLetters)
                    .extracting(r -> r.reasons().getFirst())
                    .containsExactlyInAnyOrderElementsOf(expected.rejections);
            Map<String, IncidentDocument> latest = new TreeMap<>();
            incidents.forEach(d -> latest.put(d.incidentId(), d));
            assertThat(latest.keySet()).containsExactlyElementsOf(expected.incidents.keySet());
            for (var entry : expected.incidents.entrySet()) {
                assertThat(latest.get(entry.getKey()))
                        .as("incident %s (%s)", entry.getKey(), entry.getValue().rule())
                        .usingRecursiveComparison()
                        .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                        .ignoringFields("evidence", "rulesSource")
                        .isEqualTo(entry.getValue());
            }
            return latest;
        }
    }

    private static Run run(List<CareEvent> events, Clock intakeClock) throws Exception {
        String name = "incidents-" + RUNS.incrementAndGet();
        CollectingSink<IncidentDocument> incidents = new CollectingSink<>(name);
        CollectingSink<IncidentTransitionRecord> transitions = new CollectingSink<>(name + "-transitions");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>(name + "-dead-letters");
        JobSinks sinks = CollectingJobSinks.named(name)
                .deadLetters(deadLetters)
                .persons(new CollectingSink<PersonDocument>(name + "-persons"))
                .incidents(incidents)
                .incidentTopic(transitions)
                .build();
        StreamingConfig config = StreamingConfig.defaults()
                .with("pii.allow-demo-key", "true")
                .withCoalesceInterval(Duration.ZERO)
                .withSilenceThreshold(Duration.ofHours(1));

        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(2);
        var source = env.fromData(
                        events.stream().map(CloudEventJson::write).toList(),
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1);
        IndicatorJob.build(env, source, sinks, config, intakeClock);
        env.execute("incidents test");
        return new Run(
                List.copyOf(incidents.collected()),
                List.copyOf(transitions.collected()),
                List.copyOf(deadLetters.collected()));
    }

    private static final java.util.concurrent.atomic.AtomicInteger RUNS =
            new java.util.concurrent.atomic.AtomicInteger();

    private static IncidentDocument byDevice(Map<String, IncidentDocument> incidents, String deviceId) {
        return incidents.values().stream()
                .filter(d -> deviceId.equals(d.deviceId()))
                .findFirst()
                .orElseThrow();
    }
}
