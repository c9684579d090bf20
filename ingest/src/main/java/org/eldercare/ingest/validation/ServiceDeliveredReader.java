package org.eldercare.ingest.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.RecipientData;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;

/**
 * {@code service.delivered}. The recipient must carry a name and at least one other field, or the
 * person could never be told apart from a namesake; or it is in the sealed form of docs/CONTRACT.md §6.7.
 */
final class ServiceDeliveredReader {

    static final Choice<ServiceType> SERVICE_TYPES = Choice.of(ServiceType.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.parse(Limits.EARLIEST_BIRTH_DATE);
    private static final Pattern SEALED =
            Pattern.compile("[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{16," + Limits.SEALED_MAX + "}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern MASK = Pattern.compile("[0-9Xx*]{1,32}");
    private static final Set<String> SEALED_FIELDS =
            Set.of(SealedRecipient.SEALED_FIELD, "idDigest", "idMasked", "phoneDigest", "phoneMasked");
    private static final String[] IDENTIFYING = {"idNumber", "phone", "gender", "birthDate", "address", "location"};

    private ServiceDeliveredReader() {}

    static EventData read(Fields data, Instant now) {
        String recordId = data.text("recordId", Limits.REFERENCE_MAX, true);
        String facilityId = data.code("facilityId", true);
        String caregiverId = data.text("caregiverId", Limits.REFERENCE_MAX, false);
        ServiceType serviceType = data.choice("serviceType", SERVICE_TYPES, null);
        OffsetDateTime startedAt = data.dateTime("startedAt");
        int duration = data.requiredInt("durationMinutes", 1, Limits.DURATION_MINUTES_MAX);
        String workOrderId = data.code("workOrderId", false);
        Fields person = data.object("recipient", true);
        RecipientData recipient = person != null && person.node(SealedRecipient.SEALED_FIELD) != null
                ? sealed(person)
                : recipient(person, LocalDate.ofInstant(now, BEIJING));
        return data.clean()
                ? new ServiceDelivered(
                        recordId, facilityId, caregiverId, serviceType, startedAt, duration, recipient, workOrderId)
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

    /**
     * The sealed form (docs/CONTRACT.md §6.7): {@code sealed} and, optionally, digests and masks; nothing raw beside
     * them. Whether the ciphertext opens is for whoever holds the keys to check.
     */
    static SealedRecipient sealed(Fields person) {
        String sealed = person.string(SealedRecipient.SEALED_FIELD, true);
        if (sealed != null && !SEALED.matcher(sealed).matches()) {
            person.error(
                    SealedRecipient.SEALED_FIELD,
                    "must be <kid>:<base64url ciphertext> of at most " + Limits.SEALED_MAX + " characters");
        }
        String idDigest = digest(person, "idDigest");
        String idMasked = mask(person, "idMasked");
        String phoneDigest = digest(person, "phoneDigest");
        String phoneMasked = mask(person, "phoneMasked");
        person.fieldNames().forEachRemaining(field -> {
            if (!SEALED_FIELDS.contains(field)) {
                person.error(field, "must not stand beside sealed (docs/CONTRACT.md §6.7)");
            }
        });
        return person.clean() ? new SealedRecipient(idDigest, idMasked, phoneDigest, phoneMasked, sealed) : null;
    }

    private static String digest(Fields person, String field) {
        String value = person.string(field, false);
        if (value != null && !DIGEST.matcher(value).matches()) {
            person.error(field, "must be 32 lower-case hex digits");
            return null;
        }
        return value;
    }

    /** A mask shows at most 10 characters (§6.2); checking that keeps a raw number out of the mask fields. */
    private static String mask(Fields person, String field) {
        String value = person.string(field, false);
        if (value != null
                && (!MASK.matcher(value).matches()
                        || value.chars().filter(c -> c != '*').count() > 10)) {
            person.error(field, "must be a mask like 110109********1234 or 138****5678");
            return null;
        }
        return value;
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
