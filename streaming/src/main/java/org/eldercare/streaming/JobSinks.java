package org.eldercare.streaming;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.CallDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.VisitDocument;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.ReviewCaseDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.indicator.MinuteHistory;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.eldercare.streaming.recipient.RecipientResolution;
import org.eldercare.streaming.sink.DocumentSinkFactory;

/**
 * Where {@link IndicatorJob} writes, one Sink V2 per output. The first seven are required; every other output is
 * optional (null to leave out). {@link #of} gives the production outputs; {@link #builder()} picks them by name.
 *
 * @param indicators latest indicators per scope, id = scope code
 * @param indicatorHistory one point per scope per minute, id = {@link MinuteHistory#id}
 * @param facilities current facility state, id = facility id
 * @param alerts alerts, raised and cleared, id = {@code type:scope}
 * @param deadLetters events rejected by the stream, for the dead-letter topic
 * @param serviceRecords accepted {@code service.delivered} events (after dedup and ownership) with
 *     their resolved recipient, id {@code operatorId:recordId} (see {@link RecipientResolution})
 * @param recipients resolved persons and the redirects of merged-away ids, id {@code recipientId}
 * @param indicatorTopic optional: the compacted Kafka topic of indicators
 * @param rejectionDocuments optional: the same rejections, for the {@code rejections} index
 * @param persons optional: the register of older people with their labels (docs/CONTRACT.md §7), id {@code
 *     personId}; left out only by tests that look at other outputs
 * @param incidents optional: incidents in their latest state (docs/CONTRACT.md §9.6), id {@code incidentId}; left
 *     out only by tests that look at other outputs
 * @param reviewCases optional: the identity review queue (docs/CONTRACT.md §7.6), id {@code leftId|rightId}
 * @param workOrders optional: the hotline's work orders (docs/CONTRACT.md §10.2), id {@code workOrderId}; left out
 *     only by tests that look at other outputs
 * @param incidentTopic optional: every incident transition, for the topic {@code eldercare.incidents.v1}
 *     (docs/CONTRACT.md §9.5), written exactly once; left out only by tests that look at other outputs
 * @param calls optional: the hotline's call log (docs/CONTRACT.md §10.2), id {@code callId}; left out only by tests
 *     that look at other outputs
 * @param visits optional: caregivers' home visits (docs/CONTRACT.md §9.3), id {@code operatorId:visitId}; left out
 *     only by tests that look at other outputs
 * @param devices optional: terminals' bindings and their status (docs/CONTRACT.md §9.9), id {@code
 *     <operatorId>/<deviceId>}, written at status changes only; left out only by tests that look at other outputs
 */
public record JobSinks(
        Sink<IndicatorDocument> indicators,
        Sink<IndicatorDocument> indicatorHistory,
        Sink<FacilityDocument> facilities,
        Sink<AlertDocument> alerts,
        Sink<Rejection> deadLetters,
        Sink<ServiceRecordDocument> serviceRecords,
        Sink<RecipientEntry> recipients,
        Sink<IndicatorDocument> indicatorTopic,
        Sink<Rejection> rejectionDocuments,
        Sink<PersonDocument> persons,
        Sink<IncidentDocument> incidents,
        Sink<ReviewCaseDocument> reviewCases,
        Sink<WorkOrderDocument> workOrders,
        Sink<IncidentTransitionRecord> incidentTopic,
        Sink<CallDocument> calls,
        Sink<VisitDocument> visits,
        Sink<DeviceDocument> devices) {

    public JobSinks {
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(indicatorHistory, "indicatorHistory");
        Objects.requireNonNull(facilities, "facilities");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(serviceRecords, "serviceRecords");
        Objects.requireNonNull(recipients, "recipients");
    }

    /**
     * Outputs chosen one by one, for runs that read some of them (tests, tools): the seven required ones must be
     * set, every other one is left out unless set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link JobSinks} by name, so that adding an output changes no run that does not write it. */
    public static final class Builder {
        private Sink<IndicatorDocument> indicators;
        private Sink<IndicatorDocument> indicatorHistory;
        private Sink<FacilityDocument> facilities;
        private Sink<AlertDocument> alerts;
        private Sink<Rejection> deadLetters;
        private Sink<ServiceRecordDocument> serviceRecords;
        private Sink<RecipientEntry> recipients;
        private Sink<IndicatorDocument> indicatorTopic;
        private Sink<Rejection> rejectionDocuments;
        private Sink<PersonDocument> persons;
        private Sink<IncidentDocument> incidents;
        private Sink<ReviewCaseDocument> reviewCases;
        private Sink<WorkOrderDocument> workOrders;
        private Sink<IncidentTransitionRecord> incidentTopic;
        private Sink<CallDocument> calls;
        private Sink<VisitDocument> visits;
        private Sink<DeviceDocument> devices;

        private Builder() {}

        public Builder indicators(Sink<IndicatorDocument> sink) {
            this.indicators = sink;
            return this;
        }

        public Builder indicatorHistory(Sink<IndicatorDocument> sink) {
            this.indicatorHistory = sink;
            return this;
        }

        public Builder facilities(Sink<FacilityDocument> sink) {
            this.facilities = sink;
            return this;
        }

        public Builder alerts(Sink<AlertDocument> sink) {
            this.alerts = sink;
            return this;
        }

        public Builder deadLetters(Sink<Rejection> sink) {
            this.deadLetters = sink;
            return this;
        }

        public Builder serviceRecords(Sink<ServiceRecordDocument> sink) {
            this.serviceRecords = sink;
            return this;
        }

        public Builder recipients(Sink<RecipientEntry> sink) {
            this.recipients = sink;
            return this;
        }

        public Builder indicatorTopic(Sink<IndicatorDocument> sink) {
            this.indicatorTopic = sink;
            return this;
        }

        public Builder rejectionDocuments(Sink<Rejection> sink) {
            this.rejectionDocuments = sink;
            return this;
        }

        public Builder persons(Sink<PersonDocument> sink) {
            this.persons = sink;
            return this;
        }

        public Builder incidents(Sink<IncidentDocument> sink) {
            this.incidents = sink;
            return this;
        }

        public Builder reviewCases(Sink<ReviewCaseDocument> sink) {
            this.reviewCases = sink;
            return this;
        }

        public Builder workOrders(Sink<WorkOrderDocument> sink) {
            this.workOrders = sink;
            return this;
        }

        public Builder incidentTopic(Sink<IncidentTransitionRecord> sink) {
            this.incidentTopic = sink;
            return this;
        }

        public Builder calls(Sink<CallDocument> sink) {
            this.calls = sink;
            return this;
        }

        public Builder visits(Sink<VisitDocument> sink) {
            this.visits = sink;
            return this;
        }

        public Builder devices(Sink<DeviceDocument> sink) {
            this.devices = sink;
            return this;
        }

        /** The outputs; fails naming the first required one that was not set. */
        public JobSinks build() {
            return new JobSinks(
                    indicators,
                    indicatorHistory,
                    facilities,
                    alerts,
                    deadLetters,
                    serviceRecords,
                    recipients,
                    indicatorTopic,
                    rejectionDocuments,
                    persons,
                    incidents,
                    reviewCases,
                    workOrders,
                    incidentTopic,
                    calls,
                    visits,
                    devices);
        }
    }

    /**
     * The document outputs from one factory, under the indexes of {@link IndexRegistry} and their
     * deterministic ids (service records and recipients included); dead letters and the optional
     * topic as given; no incident topic.
     */
    public static JobSinks of(
            DocumentSinkFactory documents, Sink<Rejection> deadLetters, Sink<IndicatorDocument> indicatorTopic) {
        return of(documents, deadLetters, RecipientResolution.serviceRecordsSink(documents), indicatorTopic);
    }

    /** These outputs with the incident transitions going to {@code incidentTopic} (null to leave them out). */
    public JobSinks withIncidentTopic(Sink<IncidentTransitionRecord> incidentTopic) {
        return new JobSinks(
                indicators,
                indicatorHistory,
                facilities,
                alerts,
                deadLetters,
                serviceRecords,
                recipients,
                indicatorTopic,
                rejectionDocuments,
                persons,
                incidents,
                reviewCases,
                workOrders,
                incidentTopic,
                calls,
                visits,
                devices);
    }

    /** As {@link #of(DocumentSinkFactory, Sink, Sink)}, with the service-record documents going to a sink of your own. */
    public static JobSinks of(
            DocumentSinkFactory documents,
            Sink<Rejection> deadLetters,
            Sink<ServiceRecordDocument> serviceRecords,
            Sink<IndicatorDocument> indicatorTopic) {
        return new JobSinks(
                documents.create(IndexRegistry.INDICATORS),
                documents.create(IndexRegistry.INDICATOR_HISTORY),
                documents.create(IndexRegistry.FACILITIES),
                documents.create(IndexRegistry.ALERTS),
                deadLetters,
                serviceRecords,
                RecipientResolution.recipientsSink(documents),
                indicatorTopic,
                documents.create(IndexRegistry.REJECTIONS),
                documents.create(IndexRegistry.PERSONS),
                documents.create(IndexRegistry.INCIDENTS),
                RecipientResolution.reviewCasesSink(documents),
                documents.create(IndexRegistry.WORK_ORDERS),
                null,
                documents.create(IndexRegistry.CALLS),
                documents.create(IndexRegistry.VISITS),
                documents.create(IndexRegistry.DEVICES));
    }
}
