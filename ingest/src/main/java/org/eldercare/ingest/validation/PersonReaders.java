package org.eldercare.ingest.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.ingest.codec.Rfc3339;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.RecipientData;
import org.eldercare.ingest.event.SealedRecipient;

/**
 * The register of older people (docs/CONTRACT.md §7.2): {@code person.registered}, {@code person.updated} and
 * {@code assessment.recorded}. A register is clean data entered by civil-affairs staff, so its rules are stricter
 * than a service record's: a valid ID number, a birth date that agrees with it, benefit periods in order.
 */
final class PersonReaders {

    static final Choice<LivingArrangement> ARRANGEMENTS = Choice.of(LivingArrangement.class);
    static final Choice<BenefitType> BENEFIT_TYPES = Choice.of(BenefitType.class);
    static final int BENEFITS_MAX = 8;
    static final int ASSESSMENT_LEVEL_MAX = 4;
    static final int ORGANISATION_MAX = 100;
    static final int REGISTER_ADDRESS_MAX = 200;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST = LocalDate.parse(Limits.EARLIEST_BIRTH_DATE);
    private static final LocalDate LATEST = LocalDate.parse("2199-12-31");

    private final RegionCodes regions;

    PersonReaders(RegionCodes regions) {
        this.regions = regions;
    }

    EventData details(Fields data, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        String personId = data.code("personId", true);
        String address = data.text("address", REGISTER_ADDRESS_MAX, true);
        GeoPoint location = data.location("location", false);
        Fields identityFields = data.object("identity", true);
        RecipientData identity = identityFields != null && identityFields.node(SealedRecipient.SEALED_FIELD) != null
                ? ServiceDeliveredReader.sealed(identityFields)
                : identity(identityFields, today);
        String districtCode = regions.district(data, "districtCode");
        String streetCode = regions.streetIn(data, "streetCode", districtCode);
        LivingArrangement arrangement = data.choice("livingArrangement", ARRANGEMENTS, null);
        List<Benefit> benefits = benefits(data);
        int certificate = data.optionalInt("disabilityCertificateLevel", 1, 4, 0);
        return data.clean()
                ? new PersonDetails(
                        personId,
                        identity,
                        address,
                        location,
                        districtCode,
                        streetCode,
                        arrangement,
                        benefits,
                        certificate == 0 ? null : certificate)
                : null;
    }

    static EventData assessment(Fields data, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        String assessmentId = data.code("assessmentId", true);
        String personId = data.code("personId", true);
        int level = data.requiredInt("level", 0, ASSESSMENT_LEVEL_MAX);
        LocalDate assessedOn = date(data, "assessedOn", true, EARLIEST, today);
        String organisation = data.text("organisation", ORGANISATION_MAX, true);
        LocalDate due = date(data, "reassessDueOn", true, EARLIEST, LATEST);
        if (assessedOn != null && due != null && !due.isAfter(assessedOn)) {
            data.error("reassessDueOn", "must be after assessedOn (" + assessedOn + ")");
        }
        return data.clean()
                ? new AssessmentRecorded(assessmentId, personId, level, assessedOn, organisation, due)
                : null;
    }

    private static Recipient identity(Fields person, LocalDate today) {
        if (person == null) {
            return null;
        }
        String name = person.text("name", Limits.NAME_MAX, true);
        String idNumber = person.text("idNumber", Limits.ID_NUMBER_MAX, false);
        String phone = person.text("phone", Limits.PHONE_MAX, false);
        String gender = person.string("gender", false);
        if (gender != null && !gender.equals("M") && !gender.equals("F")) {
            person.error("gender", "must be M or F");
        }
        LocalDate birthDate = person.date("birthDate", EARLIEST, today);
        LocalDate fromId = null;
        if (idNumber != null) {
            fromId = IdNumberRule.birthDate(idNumber);
            if (fromId == null) {
                person.error("idNumber", IdNumberRule.RULE);
            }
        }
        if (idNumber == null && person.node("birthDate") == null) {
            person.error("must hold idNumber or birthDate: age labels need a birth date");
        }
        if (fromId != null && birthDate != null && !fromId.equals(birthDate)) {
            person.error("birthDate", "must equal the birth date in identity.idNumber");
        }
        LocalDate born = birthDate != null ? birthDate : fromId;
        return person.clean() ? new Recipient(name, idNumber, phone, gender, born, null, null) : null;
    }

    private static List<Benefit> benefits(Fields data) {
        List<Fields> items = data.objects("benefits", BENEFITS_MAX);
        if (items == null) {
            return null;
        }
        List<Benefit> benefits = new ArrayList<>();
        for (Fields item : items) {
            BenefitType type = item.choice("type", BENEFIT_TYPES, null);
            LocalDate from = date(item, "from", true, EARLIEST, LATEST);
            LocalDate to = date(item, "to", false, EARLIEST, LATEST);
            if (from != null && to != null && to.isBefore(from)) {
                item.error("to", "must not be before from (" + from + ")");
            } else if (type != null && from != null) {
                benefits.add(new Benefit(type, from, to));
            }
        }
        return benefits;
    }

    /** A {@code yyyy-MM-dd} date within [earliest, latest]. */
    private static LocalDate date(Fields data, String field, boolean required, LocalDate earliest, LocalDate latest) {
        String value = data.string(field, required);
        if (value == null) {
            return null;
        }
        LocalDate date = Rfc3339.parseDate(value);
        if (date == null) {
            data.error(field, "must be a date like 2026-03-01 (yyyy-MM-dd)");
        } else if (date.isAfter(latest)) {
            data.error(field, latest.equals(LATEST) ? "must not be after " + LATEST : "must not be in the future");
        } else if (date.isBefore(earliest)) {
            data.error(field, "must not be before " + earliest);
        } else {
            return date;
        }
        return null;
    }
}
