package org.eldercare.ingest.validation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;

/** The {@link DataReader} of each event type. */
final class DataReaders {

    private final Map<EventType, DataReader> byType = new EnumMap<>(EventType.class);

    DataReaders(RegionCodes regions) {
        FacilityReaders facilities = new FacilityReaders(regions);
        byType.put(EventType.FACILITY_REGISTERED, facilities::details);
        byType.put(EventType.FACILITY_UPDATED, facilities::details);
        byType.put(EventType.FACILITY_STATUS_CHANGED, FacilityReaders::statusChanged);
        byType.put(EventType.BED_OCCUPIED, ActivityReaders::beds);
        byType.put(EventType.BED_RELEASED, ActivityReaders::beds);
        byType.put(EventType.MEAL_SERVED, ActivityReaders::meal);
        byType.put(EventType.CAREGIVER_HIRED, ActivityReaders::caregiverHired);
        byType.put(EventType.CAREGIVER_LEFT, ActivityReaders::caregiverChange);
        byType.put(EventType.CAREGIVER_SHIFT_STARTED, ActivityReaders::caregiverChange);
        byType.put(EventType.CAREGIVER_SHIFT_ENDED, ActivityReaders::caregiverChange);
        byType.put(EventType.SERVICE_DELIVERED, ServiceDeliveredReader::read);
        byType.put(EventType.POPULATION_UPDATED, new PopulationReader(regions)::read);
        PersonReaders persons = new PersonReaders(regions);
        byType.put(EventType.PERSON_REGISTERED, persons::details);
        byType.put(EventType.PERSON_UPDATED, persons::details);
        byType.put(EventType.ASSESSMENT_RECORDED, PersonReaders::assessment);
        TerminalReaders terminals = new TerminalReaders(regions);
        byType.put(EventType.DEVICE_BOUND, terminals::bound);
        byType.put(EventType.DEVICE_UNBOUND, TerminalReaders::unbound);
        byType.put(EventType.DEVICE_HEARTBEAT, TerminalReaders::heartbeat);
        byType.put(EventType.DEVICE_SOS, TerminalReaders::sos);
        byType.put(EventType.METER_READING, TerminalReaders::reading);
        byType.put(EventType.VISIT_COMPLETED, TerminalReaders::visit);
        byType.put(EventType.INCIDENT_ACKNOWLEDGED, TerminalReaders::acknowledged);
        byType.put(EventType.INCIDENT_DISPATCHED, TerminalReaders::dispatched);
        byType.put(EventType.INCIDENT_RESOLVED, TerminalReaders::resolved);
        byType.put(EventType.IDENTITY_REVIEWED, ReviewReaders::reviewed);
        byType.put(EventType.IDENTITY_REVIEW_REQUESTED, ReviewReaders::requested);
        HotlineReaders hotline = new HotlineReaders(regions);
        byType.put(EventType.CALL_LOGGED, hotline::call);
        byType.put(EventType.WORKORDER_OPENED, hotline::opened);
        byType.put(EventType.WORKORDER_DISPATCHED, HotlineReaders::dispatched);
        if (byType.size() != EventType.values().length) {
            throw new IllegalStateException("an event type has no data reader");
        }
    }

    EventData read(EventType type, Fields data, Instant now) {
        return byType.get(type).read(data, now);
    }
}
