package org.eldercare.ingest.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;

/**
 * {@code service.delivered}. The recipient must carry a name and at least one other field, or the
 * person could never be told apart from a namesake.
 */
final class ServiceDeliveredReader {

    static final Choice<ServiceType> SERVICE_TYPES = Choice.of(ServiceType.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.parse(Limits.EARLIEST_BIRTH_DATE);
    private static final String[] IDENTIFYING = {"idNumber", "phone", "gender", "birthDate", "address", "location"};

    private ServiceDeliveredReader() {}

    static EventData read(Fields data, Instant now) {
        String recordId = data.text("recordId", Limits.REFERENCE_MAX, true);
        String facilityId = data.code("facilityId", true);
        String caregiverId = data.text("caregiverId", Limits.REFERENCE_MAX, false);
        ServiceType serviceType = data.choice("serviceType", SERVICE_TYPES, null);
        OffsetDateTime startedAt = data.dateTime("startedAt");
        int duration = data.requiredInt("durationMinutes", 1, Limits.DURATION_MINUTES_MAX);
        Recipient recipient = recipient(data.object("recipient", true), LocalDate.ofInstant(now, BEIJING));
        return data.clean()
                ? new ServiceDelivered(recordId, facilityId, caregiverId, serviceType, startedAt, duration, recipient)
                : null;
    }

    private static Recipient recipient(Fields person, LocalDate today) {
        if (person == null) {
            return null;
        }
        String name = person.text("name", Limits.NAME_MAX, true);
        String idNumber = person.text("idNumber", Limits.ID_NUMBER_MAX, false);
        String phone = person.text("phone", Limits.PHONE_MAX, false);
        String gender = gender(person);
        LocalDate birthDate = person.date("birthDate", EARLIEST_BIRTH, today);
        String address = person.text("address", Limits.ADDRESS_MAX, false);
        GeoPoint location = person.location("location", false);
        if (person.countPresent(IDENTIFYING) == 0) {
            person.error("must hold name and at least one of " + String.join(", ", IDENTIFYING));
        }
        return person.clean() ? new Recipient(name, idNumber, phone, gender, birthDate, address, location) : null;
    }

    private static String gender(Fields person) {
        String gender = person.string("gender", false);
        if (gender != null && !gender.equals("M") && !gender.equals("F")) {
            person.error("gender", "must be M or F");
            return null;
        }
        return gender;
    }
}
