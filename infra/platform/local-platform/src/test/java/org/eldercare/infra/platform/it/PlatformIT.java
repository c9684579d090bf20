package org.eldercare.infra.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.infra.platform.it.CareEvents.batch;
import static org.eldercare.infra.platform.it.CareEvents.bedOccupied;
import static org.eldercare.infra.platform.it.CareEvents.bedReleased;
import static org.eldercare.infra.platform.it.CareEvents.caregiverHired;
import static org.eldercare.infra.platform.it.CareEvents.id;
import static org.eldercare.infra.platform.it.CareEvents.mealServed;
import static org.eldercare.infra.platform.it.CareEvents.registered;
import static org.eldercare.infra.platform.it.CareEvents.shiftStarted;
import static org.eldercare.infra.platform.it.CareEvents.statusChanged;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.eldercare.infra.platform.it.SharedPlatform.RunningPlatform;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.ingest.region.Regions;
import org.eldercare.tools.simulator.GbIdNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole platform in one JVM on the real embedded stack: events through HTTP, Kafka, the Flink job
 * and Elasticsearch, read back through the API. The simulator is off and no other class on the
 * {@link SharedPlatform} uses 大峪街道, so the street under test holds only this test's facilities and
 * people and every expected number of it follows from the events sent here; the district's beds are
 * counted on top of what the district held before.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    static final String STREET = "110109001";
    static final String DISTRICT = "110109";
    static final Duration CATCH_UP = Duration.ofSeconds(120);

    static LocalStack stack;
    static PlatformClient client;
    static long streetResidents;

    @BeforeAll
    static void referenceData(RunningPlatform platform) {
        stack = platform.stack();
        client = platform.client();
        streetResidents = Regions.load().street(STREET).orElseThrow().residents();
    }

    PlatformClient client() {
        return client;
    }

    @Test
    @Order(1)
    void reportsKafkaElasticsearchFlinkAndTheJobHealthy() {
        var health = client().get("demo-planner", "/actuator/health");

        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        JsonNode platform = health.body().path("components").path("platform").path("components");
        assertThat(platform.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(platform.path("elasticsearch").path("status").asText()).isEqualTo("UP");
        assertThat(platform.path("flink").path("status").asText()).isEqualTo("UP");
        assertThat(platform.path("streaming").path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void turnsOperatorEventsIntoStreetAndDistrictIndicatorsCountingEachEventOnce() {
        // The district is shared with the other classes' streets: its beds before ours, all caught up.
        client().awaitCaughtUp(CATCH_UP);
        var before = client().get("demo-planner", "/api/v1/indicators/districts/" + DISTRICT);
        long districtBedsBefore =
                before.status() == 200 ? before.body().path("beds").asLong() : 0;
        String occupied = id("occ");
        var first = client().postBatch(
                        "demo-operator-1",
                        batch(List.of(
                                registered("op-1", "it-station", "CARE_STATION", STREET, 10),
                                registered("op-1", "it-home", "INSTITUTION", STREET, 20),
                                bedOccupied("op-1", occupied, "it-station", 3),
                                bedOccupied("op-1", id("occ"), "it-home", 5),
                                caregiverHired("op-1", "it-cg-1", "it-station", true),
                                caregiverHired("op-1", "it-cg-2", "it-home", false),
                                shiftStarted("op-1", "it-cg-1", "it-station"),
                                mealServed("op-1", "it-station", 12))));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().path("accepted").asInt()).isEqualTo(8);

        var resent =
                client().postBatch("demo-operator-1", batch(List.of(bedOccupied("op-1", occupied, "it-station", 3))));
        assertThat(resent.body().path("duplicates").asInt()).isEqualTo(1);
        var overReleased = client().postBatch("demo-operator-1", batch(List.of(bedReleased("op-1", "it-station", 9))));
        assertThat(overReleased.body().path("accepted").asInt()).isEqualTo(1);
        var notOwner = client().postBatch(
                        "demo-operator-2", batch(List.of(bedOccupied("op-2", id("steal"), "it-station", 1))));
        assertThat(notOwner.body().path("accepted").asInt()).isEqualTo(1);

        client().awaitCaughtUp(CATCH_UP);
        JsonNode street = awaitStreet(s ->
                s.path("occupiedBeds").asLong() == 8 && s.path("caregivers").asLong() == 2);

        assertThat(street.path("level").asText()).isEqualTo("STREET");
        assertThat(street.path("beds").asLong()).isEqualTo(30);
        assertThat(street.path("institutionBeds").asLong()).isEqualTo(20);
        assertThat(street.path("occupiedBeds").asLong()).isEqualTo(8);
        assertThat(street.path("careStations").asLong()).isEqualTo(1);
        assertThat(street.path("institutions").asLong()).isEqualTo(1);
        assertThat(street.path("careCenters").asLong()).isZero();
        assertThat(street.path("caregivers").asLong()).isEqualTo(2);
        assertThat(street.path("certifiedCaregivers").asLong()).isEqualTo(1);
        assertThat(street.path("caregiversOnDuty").asLong()).isEqualTo(1);
        if (CareEvents.sameDayAsSent()) {
            assertThat(street.path("mealsServedToday").asLong()).isEqualTo(12);
        }
        assertThat(street.path("bedsPerThousandResidents").asDouble())
                .isCloseTo(30.0 / streetResidents * 1000, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode district = client().get("demo-planner", "/api/v1/indicators/districts/" + DISTRICT)
                .body();
        assertThat(district.path("beds").asLong()).isEqualTo(districtBedsBefore + 30);
        assertThat(district.path("targets").size())
                .as("Mentougou's four, and the national nursing-bed share (docs/CONTRACT.md §8.3)")
                .isEqualTo(5);
    }

    @Test
    @Order(3)
    void listsDownstreamRejectionsToTheOperatorWhoseEventsTheyWere() {
        var op2 = client().awaitOrFail(
                        "op-2's ownership rejection",
                        CATCH_UP,
                        () -> client().get("demo-operator-2", "/api/v1/rejections"),
                        r -> r.status() == 200 && r.body().path("total").asLong() >= 1);

        assertThat(op2.body().path("items").get(0).path("stage").asText()).isEqualTo("STREAM");
        assertThat(op2.body().path("items").get(0).path("reasons").toString()).contains("op-2");
        var op1 = client().awaitOrFail(
                        "op-1's over-release rejection",
                        CATCH_UP,
                        () -> client().get("demo-operator-1", "/api/v1/rejections"),
                        r -> r.status() == 200 && r.body().path("total").asLong() >= 1);
        assertThat(op1.body().path("items").toString()).doesNotContain("op-2");
    }

    @Test
    @Order(4)
    void findsTheNearestFacilityWithAFreeBed() {
        var nearby = client().get(
                        "demo-hotline",
                        "/api/v1/facilities/nearby?lat=39.94&lon=116.10&radiusKm=2&available=true&limit=5");

        assertThat(nearby.status()).isEqualTo(200);
        assertThat(nearby.body().findValuesAsText("facilityId")).contains("it-station", "it-home");
        assertThat(nearby.body().get(0).path("distanceKm").asDouble()).isLessThan(0.1);
    }

    @Test
    @Order(5)
    void answers503WhileTheBrokerIsDownAndCountsTheResentBatchOnce() {
        stack.stopKafka();
        String batch = batch(List.of(bedOccupied("op-1", id("outage"), "it-station", 1)));
        PlatformClient.Reply during;
        try {
            during = client().postBatch("demo-operator-1", batch);
        } finally {
            stack.startKafka();
        }
        assertThat(during.status()).isEqualTo(503);

        var retried = client().awaitOrFail(
                        "the resent batch accepted",
                        CATCH_UP,
                        () -> client().postBatch("demo-operator-1", batch),
                        r -> r.status() == 202);
        assertThat(retried.body().path("accepted").asInt()
                        + retried.body().path("duplicates").asInt())
                .isEqualTo(1);

        client().awaitCaughtUp(CATCH_UP);
        JsonNode street = awaitStreet(s -> s.path("occupiedBeds").asLong() >= 9);
        assertThat(street.path("occupiedBeds").asLong()).isEqualTo(9);
    }

    @Test
    @Order(6)
    void stopsCountingAClosedFacility() {
        client().postBatch("demo-operator-1", batch(List.of(statusChanged("op-1", "it-home", "CLOSED"))));

        client().awaitCaughtUp(CATCH_UP);
        JsonNode street = awaitStreet(s -> s.path("institutions").asLong() == 0);

        assertThat(street.path("beds").asLong()).isEqualTo(10);
        assertThat(street.path("institutionBeds").asLong()).isZero();
        assertThat(street.path("occupiedBeds").asLong()).isEqualTo(4);
    }

    @Test
    @Order(7)
    void exposesIngestRatesRejectsPipelineLagAndIndexingToPrometheus() {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        String scrape = "";
        while (java.time.Instant.now().isBefore(deadline) && !scrape.contains("eldercare_rejections_recorded")) {
            scrape = client().getText("/actuator/prometheus");
            PlatformClient.sleep(500);
        }

        assertThat(scrape)
                .contains("eldercare_intake_events_total{outcome=\"accepted\"}")
                .contains("eldercare_rejections_recorded{stage=\"STREAM\"}")
                .contains("eldercare_pipeline_pending")
                .contains("eldercare_index_documents_total{index=\"indicators\"}");
    }

    @Test
    @Order(9)
    void listsAStreetsEntitledPeopleNotServedInThirtyDaysRiskiestFirstAndAuditsTheRead() {
        java.time.LocalDate today = java.time.LocalDate.now(CareEvents.SHANGHAI);
        String aloneAndDisabled = GbIdNumber.of(DISTRICT, today.minusYears(72), 11, false);
        String eightyFive = GbIdNumber.of(DISTRICT, today.minusYears(85), 12, true);
        String seventy = GbIdNumber.of(DISTRICT, today.minusYears(70), 13, true);
        var registered = client().postBatch(
                        "demo-civil-affairs",
                        batch(List.of(
                                CareEvents.personRegistered("it-p-alone", aloneAndDisabled, "ALONE"),
                                CareEvents.personRegistered("it-p-85", eightyFive, "WITH_FAMILY"),
                                CareEvents.personRegistered("it-p-70", seventy, "WITH_FAMILY"))));
        assertThat(registered.body().path("accepted").asInt()).isEqualTo(3);
        assertThat(client().postBatch(
                                "demo-civil-affairs", batch(List.of(CareEvents.assessmentRecorded("it-p-alone", 3))))
                        .body()
                        .path("accepted")
                        .asInt())
                .isEqualTo(1);
        assertThat(client().postBatch(
                                "demo-operator-1",
                                batch(List.of(CareEvents.serviceDelivered("op-1", "it-station", eightyFive))))
                        .body()
                        .path("accepted")
                        .asInt())
                .isEqualTo(1);

        var all = client().awaitOrFail(
                        "the register and the service resolved",
                        CATCH_UP,
                        () -> client().get(
                                        "demo-civil-affairs",
                                        "/api/v1/worklist?streetCode=" + STREET + "&unservedOnly=false"),
                        r -> r.status() == 200
                                && r.body().path("served").asInt() == 1
                                && r.body().path("entitled").asInt() == 2);
        assertThat(all.body().findValuesAsText("personId")).containsExactly("it-p-alone", "it-p-85");

        var unserved = client().get("demo-civil-affairs", "/api/v1/worklist?streetCode=" + STREET)
                .body();
        assertThat(unserved.path("items")).hasSize(1);
        JsonNode first = unserved.path("items").get(0);
        assertThat(first.path("personId").asText()).isEqualTo("it-p-alone");
        assertThat(first.path("labels").findValuesAsText("label"))
                .containsExactly("LIVING_ALONE", "EMPTY_NEST", "DISABLED_MODERATE_OR_WORSE");
        assertThat(first.path("entitlements").toString()).contains("VISIT");
        assertThat(first.path("nearestFacilities").findValuesAsText("facilityId"))
                .as("a monthly visit is delivered by a care station: the street's station is offered")
                .contains("it-station");
        assertThat(first.path("nearestFacilities").get(0).path("distanceKm").asDouble())
                .isLessThan(5);
        JsonNode eightyFiveItem = java.util.stream.StreamSupport.stream(
                        all.body().path("items").spliterator(), false)
                .filter(i -> i.path("personId").asText().equals("it-p-85"))
                .findFirst()
                .orElseThrow();
        assertThat(eightyFiveItem.path("nearestFacilities"))
                .as("an age allowance needs no facility")
                .isEmpty();
        assertThat(first.path("idNumberMasked").asText())
                .isEqualTo(aloneAndDisabled.substring(0, 6) + "********" + aloneAndDisabled.substring(14));
        assertThat(all.body().toString())
                .as("no full ID number and no birth date on the worklist")
                .doesNotContain(aloneAndDisabled)
                .doesNotContain(eightyFive)
                .doesNotContain(eightyFive.substring(6, 14));

        var coverage = client().awaitOrFail(
                        "the street's coverage among its indicators (docs/CONTRACT.md §7.5)",
                        CATCH_UP,
                        () -> client().get("demo-planner", "/api/v1/indicators/streets/" + STREET),
                        r -> r.status() == 200
                                && r.body().path("coverage").path("registered").asInt() == 3)
                .body()
                .path("coverage");
        assertThat(coverage.path("entitled").asInt())
                .as("it-p-alone and it-p-85")
                .isEqualTo(2);
        assertThat(coverage.path("served").asInt()).as("it-p-85").isEqualTo(1);
        assertThat(coverage.path("rate").asDouble()).isEqualTo(0.5);
        assertThat(coverage.path("groups").get(0).toString())
                .isEqualTo("{\"group\":\"AGE_80_PLUS\",\"entitled\":1,\"served\":1,\"rate\":1.0}");

        assertThat(client().get("demo-operator-1", "/api/v1/worklist?streetCode=" + STREET)
                        .status())
                .isEqualTo(403);
        assertThat(client().get("demo-civil-affairs", "/api/v1/worklist?streetCode=1101")
                        .body()
                        .toString())
                .contains("streetCode: must be a 9-digit street code");
        var audit = client().awaitOrFail(
                        "the worklist reads in the audit log",
                        CATCH_UP,
                        () -> client().get("demo-admin", "/api/v1/audit"),
                        r -> r.status() == 200 && r.body().toString().contains("WORKLIST"));
        assertThat(audit.body().toString()).contains("civil-affairs");
    }

    @Test
    @Order(8)
    void aPoisonRecordAtKafkasLimitCostsOneBoundedRedactedDeadLetterAndTheCityGoesOn() throws Exception {
        String idNumber = "110109194002168664";
        String jsonId = id("poison-json");
        String json =
                CareEvents.event("op-1", jsonId, "service.delivered", """
                {"recordId":"r-poison","facilityId":"%s","serviceType":"MEAL","startedAt":"2026-11-23T09:00:00+08:00",\
                "durationMinutes":30,"recipient":{"name":"王秀英","idNumber":"%s"}}""".formatted("f".repeat(1_040_000), idNumber));
        // Letters only: the dead letter masks any run of 7 or more digits, which an id() would have.
        String marker = "poison-bytes-"
                + new java.util.Random()
                        .ints(16, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        byte[] noise = new byte[1_040_000];
        new java.util.Random(11).nextBytes(noise);
        byte[] head = (marker + " " + idNumber + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(head, 0, noise, 0, head.length);

        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(java.util.Map.of(
                "bootstrap.servers",
                stack.kafkaBootstrapServers(),
                "max.request.size",
                2 * 1024 * 1024,
                "key.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer",
                org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
            for (byte[] record : List.of(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), noise)) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                                org.eldercare.ingest.topic.Topics.EVENTS, "it-station", record))
                        .get();
            }
        }
        client().postBatch("demo-operator-1", batch(List.of(bedOccupied("op-1", id("after-poison"), "it-station", 1))));

        client().awaitCaughtUp(CATCH_UP);
        assertThat(awaitStreet(s -> s.path("occupiedBeds").asLong() == 5)
                        .path("occupiedBeds")
                        .asLong())
                .isEqualTo(5);
        List<String> jsonLetters = deadLettersContaining(jsonId);
        List<String> noiseLetters = deadLettersContaining(marker);
        assertThat(jsonLetters).as("dead letters of the 1 MB JSON event").hasSize(1);
        assertThat(noiseLetters).as("dead letters of the 1 MB random record").hasSize(1);
        for (String letter : List.of(jsonLetters.getFirst(), noiseLetters.getFirst())) {
            assertThat(letter.length()).isLessThan(12 * 1024);
            assertThat(letter).doesNotContain(idNumber).doesNotContain("王秀英").contains("[cut: record was ");
        }
    }

    /** The dead letters on the DLQ topic, from its start, whose JSON contains {@code text}. */
    private List<String> deadLettersContaining(String text) {
        var found = new java.util.ArrayList<String>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(java.util.Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class,
                "value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class))) {
            var partitions = consumer.partitionsFor(org.eldercare.ingest.topic.Topics.DEAD_LETTERS).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && java.time.Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    String letter = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
                    if (letter.contains(text)) {
                        found.add(letter);
                    }
                }
            }
        }
        return found;
    }

    private JsonNode awaitStreet(java.util.function.Predicate<JsonNode> done) {
        return client().awaitOrFail(
                        "street " + STREET + " indicators",
                        Duration.ofSeconds(30),
                        () -> client().get("demo-planner", "/api/v1/indicators/streets/" + STREET),
                        r -> r.status() == 200 && done.test(r.body()))
                .body();
    }
}
