package org.eldercare.streaming;

import java.time.Clock;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.alert.FacilityAlerts;
import org.eldercare.streaming.alert.RejectSpikeAlerts;
import org.eldercare.streaming.alert.TargetAlerts;
import org.eldercare.streaming.caregiver.CaregiverDelta;
import org.eldercare.streaming.caregiver.CaregiverRegistry;
import org.eldercare.streaming.coverage.CoverageByIdentity;
import org.eldercare.streaming.coverage.CoverageChange;
import org.eldercare.streaming.coverage.EntryUpdate;
import org.eldercare.streaming.coverage.RecipientDigests;
import org.eldercare.streaming.coverage.RegisterIdentities;
import org.eldercare.streaming.coverage.ServedUpdate;
import org.eldercare.streaming.dedup.Deduplicator;
import org.eldercare.streaming.exchange.LiveExchanges;
import org.eldercare.streaming.facility.FacilityContribution;
import org.eldercare.streaming.facility.FacilityLedger;
import org.eldercare.streaming.facility.FacilitySnapshot;
import org.eldercare.streaming.facility.FacilityView;
import org.eldercare.streaming.incident.Incidents;
import org.eldercare.streaming.indicator.CoverageFanOut;
import org.eldercare.streaming.indicator.MinuteHistory;
import org.eldercare.streaming.indicator.PopulationToScopes;
import org.eldercare.streaming.indicator.ScopeAggregator;
import org.eldercare.streaming.indicator.ScopeFanOut;
import org.eldercare.streaming.indicator.ScopeInfo;
import org.eldercare.streaming.indicator.ScopeUpdate;
import org.eldercare.streaming.kafka.RawEvent;
import org.eldercare.streaming.parse.ParseEvents;
import org.eldercare.streaming.recipient.RecipientResolution;
import org.eldercare.streaming.recipient.ResolveRecipients;
import org.eldercare.streaming.register.PersonRegister;
import org.eldercare.streaming.register.PersonRegisterOperator;
import org.eldercare.streaming.register.RegisterTypes;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.workorder.CallLog;
import org.eldercare.streaming.workorder.WorkOrderFold;

/**
 * The live-indicator job: raw CloudEvents in; indicators per street and district, their per-minute
 * history, facility documents, alerts, dead letters, service records and resolved recipients out. It takes its source and
 * sinks as arguments, so tests run it on bounded input with collecting sinks.
 *
 * <pre>
 * raw ─parse─▶ keyBy(facility|street) dedup ─┬─ population ───────────────────────────────┐
 *                                            └─ ledger(facility) ─▶ view(facility) ─ fan-out ┴▶ keyBy(scope) indicators ─▶ history, target alerts
 *                                               └─ caregiver events ▶ keyBy(caregiver) registry ─▲   └▶ facility alerts
 * register ─▶ keyBy(person) register ─▶ keyBy(person) identity ─┐                                ▲
 * service records ─▶ keyBy(record) prepare ─▶ resolve recipients (1) ─▶ keyBy(recipient) ID digests ─┴▶ keyBy(identity) coverage ┘
 * devices ─▶ keyBy(operator/device) devices ─▶ keyBy(person) persons (◀ register) ─▶ keyBy(incident) lifecycle (◀ hotline)
 *                                                                                      └▶ incidents ({@link Incidents})
 * </pre>
 *
 * <p>A facility's events keep their Kafka order from the source to the ledger (parsing runs at the
 * source's parallelism, chained to it; dedup is keyed by the facility; ledger and view reuse that
 * partitioning), so counting events are judged in
 * the order the operator sent them. Enables object reuse: every type passed on is immutable.
 */
public final class IndicatorJob {

    private IndicatorJob() {}

    /** The job on record values that all come from the shared topic {@code eldercare.events.v1}. */
    public static void build(
            StreamExecutionEnvironment env,
            DataStream<byte[]> sharedTopicValues,
            JobSinks sinks,
            StreamingConfig config) {
        build(env, sharedTopicValues, sinks, config, Clock.systemUTC());
    }

    /**
     * The job on shared-topic values, the event time window of §1 judged at {@code intakeClock} instead of the
     * system clock: a test's fixed day, so a scenario can span a calendar month whatever day it runs on.
     */
    public static void build(
            StreamExecutionEnvironment env,
            DataStream<byte[]> sharedTopicValues,
            JobSinks sinks,
            StreamingConfig config,
            Clock intakeClock) {
        buildOnTopics(
                env,
                sharedTopicValues
                        .map(RawEvent::shared, RawEvent.TYPE)
                        .setParallelism(sharedTopicValues.getParallelism())
                        .name("shared topic records")
                        .uid("shared-topic-records"),
                sinks,
                config,
                intakeClock);
    }

    /**
     * The job on records that carry the operator of the topic they were read from ({@link RawEvent}); a record from
     * an operator's topic speaking for another operator is rejected (docs/CONTRACT.md §6.6).
     */
    public static void buildOnTopics(
            StreamExecutionEnvironment env, DataStream<RawEvent> rawEvents, JobSinks sinks, StreamingConfig config) {
        buildOnTopics(env, rawEvents, sinks, config, Clock.systemUTC());
    }

    private static void buildOnTopics(
            StreamExecutionEnvironment env,
            DataStream<RawEvent> rawEvents,
            JobSinks sinks,
            StreamingConfig config,
            Clock intakeClock) {
        env.getConfig().enableObjectReuse();
        // Fails at graph building, naming the setting, when a key is missing or the refused demo key; the
        // tokeniser itself stays here: the operators read the keys again where they run.
        config.pii().tokeniser();

        // Live: every event, an SOS among them, crosses this exchange to the deduplicator (LiveExchanges).
        SingleOutputStreamOperator<CareEvent> parsed = LiveExchanges.live(rawEvents
                .process(new ParseEvents(config.pii(), intakeClock), StreamTypes.CARE_EVENT)
                .setParallelism(rawEvents.getParallelism())
                .name("parse and validate")
                .uid("parse-events"));
        SingleOutputStreamOperator<CareEvent> unique = parsed.keyBy(CareEvent::partitionKey, Types.STRING)
                .process(new Deduplicator(config.dedupTtl()), StreamTypes.CARE_EVENT)
                .name("dedup by (source, id)")
                .uid("dedup");

        SingleOutputStreamOperator<CareEvent> facilityEvents = unique.filter(e -> !isPopulation(e)
                        && !e.type().register()
                        && !e.type().device()
                        && !e.type().incident()
                        && !e.type().review()
                        && !e.type().hotlineWork())
                .name("facility events")
                .uid("facility-events");
        SingleOutputStreamOperator<FacilitySnapshot> ledger = DataStreamUtils.reinterpretAsKeyedStream(
                        facilityEvents, CareEvent::partitionKey, Types.STRING)
                .process(new FacilityLedger(), TypeInformation.of(FacilitySnapshot.class))
                .name("facility ledger")
                .uid("facility-ledger");

        DataStream<CaregiverDelta> caregiverDeltas = ledger.getSideOutput(FacilityLedger.CAREGIVER_EVENTS)
                .keyBy(CaregiverRegistry::key, Types.STRING)
                .process(new CaregiverRegistry(config.dedupTtl()), TypeInformation.of(CaregiverDelta.class))
                .name("caregivers by last hire")
                .uid("caregiver-registry");

        SingleOutputStreamOperator<FacilityContribution> facilities = DataStreamUtils.reinterpretAsKeyedStream(
                        ledger, FacilitySnapshot::facilityId, Types.STRING)
                .connect(caregiverDeltas.keyBy(CaregiverDelta::facilityId, Types.STRING))
                .process(new FacilityView(config.coalesceInterval()), TypeInformation.of(FacilityContribution.class))
                .name("facility view")
                .uid("facility-view");

        facilities
                .map(FacilityContribution::document, StreamTypes.FACILITY)
                .name("facility documents")
                .uid("facility-documents")
                .sinkTo(sinks.facilities())
                .name("facilities sink")
                .uid("facilities-sink");

        SingleOutputStreamOperator<PersonDocument> persons = DataStreamUtils.reinterpretAsKeyedStream(
                        unique.filter(e -> e.type().register())
                                .name("register events")
                                .uid("register-events")
                                // The incidents' clock (§9.5) runs through the register to the person stage.
                                .assignTimestampsAndWatermarks(Incidents.EVENT_TIME)
                                .name("register event time")
                                .uid("register-event-time"),
                        CareEvent::partitionKey,
                        Types.STRING)
                .transform(
                        "register of older people",
                        RegisterTypes.PERSON,
                        new PersonRegisterOperator(new PersonRegister(config.pii())))
                .name("register of older people")
                .uid("person-register");
        if (sinks.persons() != null) {
            persons.sinkTo(sinks.persons()).name("persons sink").uid("persons-sink");
        }

        SingleOutputStreamOperator<ServiceRecordDocument> resolved = RecipientResolution.attach(
                ledger.getSideOutput(FacilityLedger.SERVICE_RECORDS),
                unique.filter(e -> e.type().review()).name("review events").uid("review-events"),
                config.pii(),
                config.resolveParallelism(), // 0: the environment's, whatever built it
                sinks.serviceRecords(),
                sinks.recipients(),
                sinks.reviewCases());
        DataStream<ScopeUpdate> coverageUpdates = coverage(persons, resolved);

        DataStream<ScopeUpdate> scopeUpdates = facilities
                .flatMap(new ScopeFanOut(), TypeInformation.of(ScopeUpdate.class))
                .name("facility to street and district")
                .uid("scope-fan-out")
                .union(
                        unique.filter(IndicatorJob::isPopulation)
                                .name("population events")
                                .uid("population-events")
                                .flatMap(new PopulationToScopes(), TypeInformation.of(ScopeUpdate.class))
                                .name("population to street and district")
                                .uid("population-to-scopes"),
                        env.fromData(ScopeInfo.allCodes(Regions.load()), Types.STRING)
                                .name("reference scopes")
                                .uid("reference-scopes")
                                .map(ScopeUpdate::touch, TypeInformation.of(ScopeUpdate.class))
                                .name("publish every scope once")
                                .uid("scope-touch"),
                        coverageUpdates);

        SingleOutputStreamOperator<IndicatorDocument> indicators = scopeUpdates
                .keyBy(ScopeUpdate::scopeCode, Types.STRING)
                .process(new ScopeAggregator(config.coalesceInterval()), StreamTypes.INDICATOR)
                .name("scope indicators")
                .uid("scope-indicators");
        indicators.sinkTo(sinks.indicators()).name("indicators sink").uid("indicators-sink");
        if (sinks.indicatorTopic() != null) {
            indicators.sinkTo(sinks.indicatorTopic()).name("indicators topic").uid("indicators-topic");
        }
        KeyedStream<IndicatorDocument, String> byScope =
                DataStreamUtils.reinterpretAsKeyedStream(indicators, IndicatorDocument::code, Types.STRING);
        byScope.process(new MinuteHistory(), StreamTypes.INDICATOR)
                .name("minute history")
                .uid("minute-history")
                .sinkTo(sinks.indicatorHistory())
                .name("indicator history sink")
                .uid("indicator-history-sink");

        Incidents.Outputs incidents = Incidents.attach(
                unique.filter(e -> e.type().device() || e.type().incident())
                        .name("device and hotline events")
                        .uid("device-and-hotline-events")
                        .assignTimestampsAndWatermarks(Incidents.EVENT_TIME)
                        .name("incident event time")
                        .uid("incident-event-time"),
                ledger.getSideOutput(FacilityLedger.VISITS)
                        .assignTimestampsAndWatermarks(Incidents.EVENT_TIME)
                        .name("visit event time")
                        .uid("visit-event-time"),
                persons,
                sinks.incidents());
        if (sinks.incidentTopic() != null) {
            incidents
                    .transitions()
                    .sinkTo(sinks.incidentTopic())
                    .name("incident transitions topic")
                    .uid("incident-transitions-topic");
        }
        if (sinks.devices() != null) {
            // Forward from the device watch, so one device's documents reach one sink subtask in order (§9.9).
            incidents.devices().sinkTo(sinks.devices()).name("devices sink").uid("devices-sink");
        }
        if (sinks.calls() != null) {
            unique.filter(e -> e.type() == EventType.CALL_LOGGED)
                    .name("call events")
                    .uid("call-events")
                    .map(CallLog::document, StreamTypes.CALL)
                    .name("call log")
                    .uid("call-log")
                    .sinkTo(sinks.calls())
                    .name("calls sink")
                    .uid("calls-sink");
        }
        if (sinks.visits() != null) {
            ledger.getSideOutput(FacilityLedger.VISIT_LOG)
                    .sinkTo(sinks.visits())
                    .name("visits sink")
                    .uid("visits-sink");
        }
        SingleOutputStreamOperator<WorkOrderDocument> workOrders = workOrders(unique, ledger);
        if (sinks.workOrders() != null) {
            workOrders.sinkTo(sinks.workOrders()).name("work orders sink").uid("work-orders-sink");
        }

        DataStream<Rejection> rejections = parsed.getSideOutput(ParseEvents.REJECTED)
                .union(
                        ledger.getSideOutput(FacilityLedger.REJECTED),
                        persons.getSideOutput(PersonRegister.REJECTED),
                        incidents.rejections(),
                        resolved.getSideOutput(ResolveRecipients.REJECTED),
                        workOrders.getSideOutput(WorkOrderFold.REJECTED));
        rejections.sinkTo(sinks.deadLetters()).name("dead letters").uid("dead-letters");
        if (sinks.rejectionDocuments() != null) {
            rejections
                    .sinkTo(sinks.rejectionDocuments())
                    .name("rejections index")
                    .uid("rejections-index");
        }

        DataStream<AlertDocument> alerts = DataStreamUtils.reinterpretAsKeyedStream(
                        facilities, FacilityContribution::facilityId, Types.STRING)
                .process(new FacilityAlerts(config.silenceThreshold()), StreamTypes.ALERT)
                .name("facility alerts")
                .uid("facility-alerts")
                .union(
                        byScope.process(new TargetAlerts(), StreamTypes.ALERT)
                                .name("binding target alerts")
                                .uid("target-alerts"),
                        rejections
                                .filter(r -> r.operatorId() != null)
                                .name("operator rejections")
                                .uid("operator-rejections")
                                .keyBy(Rejection::operatorId, Types.STRING)
                                .process(new RejectSpikeAlerts(config.rejectSpikeThreshold()), StreamTypes.ALERT)
                                .name("reject spike alerts")
                                .uid("reject-spike-alerts"));
        alerts.sinkTo(sinks.alerts()).name("alerts sink").uid("alerts-sink");
    }

    /**
     * The register's coverage (docs/CONTRACT.md §7.5): register entries filed under the person they name, joined by
     * keyed ID digest with the recipients the resolution says were served, one share per person, sent to the person's
     * street and district.
     */
    private static DataStream<ScopeUpdate> coverage(
            DataStream<PersonDocument> persons, SingleOutputStreamOperator<ServiceRecordDocument> resolved) {
        DataStream<EntryUpdate> entries = persons.keyBy(PersonDocument::personId, Types.STRING)
                .process(new RegisterIdentities(), EntryUpdate.TYPE)
                .name("register entries by identity")
                .uid("coverage-register-identities");
        DataStream<ServedUpdate> served = resolved.getSideOutput(ResolveRecipients.RECIPIENTS)
                .keyBy(RecipientDigests::key, Types.STRING)
                .process(new RecipientDigests(), ServedUpdate.TYPE)
                .name("served by ID digest")
                .uid("coverage-recipient-digests");
        return entries.keyBy(EntryUpdate::identity, Types.STRING)
                .connect(served.keyBy(ServedUpdate::identity, Types.STRING))
                .process(new CoverageByIdentity(), CoverageChange.TYPE)
                .name("coverage per person")
                .uid("coverage-by-identity")
                .flatMap(new CoverageFanOut(), TypeInformation.of(ScopeUpdate.class))
                .name("coverage to street and district")
                .uid("coverage-fan-out");
    }

    /**
     * The hotline's work orders (docs/CONTRACT.md §10.2): their own events and the accepted service records that name
     * one (after the ledger's ownership check), folded per order.
     */
    private static SingleOutputStreamOperator<WorkOrderDocument> workOrders(
            DataStream<CareEvent> unique, SingleOutputStreamOperator<FacilitySnapshot> ledger) {
        DataStream<CareEvent> orderEvents = unique.filter(
                        e -> e.type() == EventType.WORKORDER_OPENED || e.type() == EventType.WORKORDER_DISPATCHED)
                .name("work order events")
                .uid("work-order-events");
        DataStream<CareEvent> closingRecords = ledger.getSideOutput(FacilityLedger.SERVICE_RECORDS)
                .filter(e -> WorkOrderFold.workOrderOf(e) != null)
                .name("records naming a work order")
                .uid("work-order-closings");
        return orderEvents
                .union(closingRecords)
                .keyBy(WorkOrderFold::workOrderOf, Types.STRING)
                .process(new WorkOrderFold(), StreamTypes.WORK_ORDER)
                .name("work orders")
                .uid("work-orders");
    }

    private static boolean isPopulation(CareEvent event) {
        return event.type() == EventType.POPULATION_UPDATED;
    }
}
