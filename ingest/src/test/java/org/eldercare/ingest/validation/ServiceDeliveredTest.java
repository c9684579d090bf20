package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.NOW;
import static org.eldercare.ingest.fixtures.Events.serviceDelivered;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import java.time.LocalDate;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.ingest.fixtures.EventJson;
import org.junit.jupiter.api.Test;

class ServiceDeliveredTest {

    private static final String ID_NUMBER = "110109194503021234";
    private static final String PHONE = "13812345678";

    private static EventJson onlyName() {
        EventJson event = serviceDelivered("r-1", "f-1");
        for (String field : new String[] {"idNumber", "phone", "gender", "birthDate", "address", "location"}) {
            event.remove("data.recipient." + field);
        }
        return event;
    }

    @Test
    void readsEveryFieldOfARecord() {
        assertThat(valid(serviceDelivered("r-1", "f-1")).dataAs(ServiceDelivered.class))
                .isEqualTo(new ServiceDelivered(
                        "r-1",
                        "f-1",
                        "cg-1",
                        ServiceType.BATHING,
                        NOW.minusHours(1),
                        45,
                        new Recipient(
                                "王秀英",
                                ID_NUMBER,
                                PHONE,
                                "F",
                                LocalDate.of(1945, 3, 2),
                                "门头沟区大峪街道新桥大街12号",
                                new GeoPoint(39.94, 116.10))));
    }

    @Test
    void acceptsARecipientWithNameAndOneOtherField() {
        var record = valid(onlyName().set("data.recipient.phone", PHONE)).dataAs(ServiceDelivered.class);

        assertThat(((Recipient) record.recipient()).phone()).isEqualTo(PHONE);
        assertThat(((Recipient) record.recipient()).idNumber()).isNull();
    }

    @Test
    void rejectsARecipientWithOnlyAName() {
        assertThat(errorsOf(onlyName()))
                .containsExactly(
                        "data.recipient: must hold name and at least one of idNumber, phone, gender, birthDate, address, location");
    }

    @Test
    void rejectsARecipientWithoutAName() {
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").remove("data.recipient.name")))
                .containsExactly("data.recipient.name: is required");
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").remove("data.recipient")))
                .containsExactly("data.recipient: is required");
    }

    @Test
    void acceptsAMissingCaregiver() {
        assertThat(valid(serviceDelivered("r-1", "f-1").remove("data.caregiverId"))
                        .dataAs(ServiceDelivered.class)
                        .caregiverId())
                .isNull();
    }

    @Test
    void rejectsAGenderOtherThanMOrF() {
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.recipient.gender", "female")))
                .containsExactly("data.recipient.gender: must be M or F");
    }

    @Test
    void rejectsBirthDatesThatAreMalformedOrInTheFuture() {
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.recipient.birthDate", "1945-3-2")))
                .containsExactly("data.recipient.birthDate: must be a date like 1950-03-01 (yyyy-MM-dd)");
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.recipient.birthDate", "1945-02-30")))
                .containsExactly("data.recipient.birthDate: must be a date like 1950-03-01 (yyyy-MM-dd)");
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.recipient.birthDate", "2026-11-24")))
                .containsExactly("data.recipient.birthDate: must not be in the future");
        valid(serviceDelivered("r-1", "f-1").set("data.recipient.birthDate", "2026-11-23"));
    }

    @Test
    void acceptsDurationsFromOneMinuteToADay() {
        valid(serviceDelivered("r-1", "f-1").set("data.durationMinutes", 1));
        valid(serviceDelivered("r-1", "f-1").set("data.durationMinutes", 1440));
    }

    @Test
    void rejectsDurationsOutsideOneMinuteToADay() {
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.durationMinutes", 0)))
                .containsExactly("data.durationMinutes: must be between 1 and 1440");
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.durationMinutes", 1441)))
                .containsExactly("data.durationMinutes: must be between 1 and 1440");
    }

    @Test
    void rejectsAStartWithoutOffsetAndAnUnknownServiceType() {
        assertThat(errorsOf(serviceDelivered("r-1", "f-1")
                        .set("data.startedAt", "2026-11-23T09:00:00")
                        .set("data.serviceType", "MASSAGE")))
                .containsExactly(
                        "data.serviceType: must be one of MEAL, BATHING, CLEANING, HEALTH_CHECK, REHAB, COMPANIONSHIP,"
                                + " EMERGENCY, DAY_CARE, OTHER",
                        "data.startedAt: must be an RFC 3339 date-time with offset, like 2026-11-23T10:15:30+08:00");
    }

    @Test
    void rejectsARecipientLocationOutsideBeijing() {
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.recipient.location.lat", 10)))
                .containsExactly("data.recipient.location.lat: must be between 39.4 and 41.1");
    }

    @Test
    void rejectsOverlongAddresses() {
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.recipient.address", "路".repeat(501))))
                .containsExactly("data.recipient.address: must be 1 to 500 characters");
    }

    @Test
    void neverEchoesIdNumbersOrPhonesInErrors() {
        var errors = errorsOf(serviceDelivered("r-1", "f-1")
                .set("data.recipient.idNumber", ID_NUMBER.repeat(3))
                .set("data.recipient.phone", Long.parseLong(PHONE)));

        assertThat(errors)
                .containsExactly(
                        "data.recipient.idNumber: must be 1 to 32 characters",
                        "data.recipient.phone: must be a string");
        assertThat(String.join("\n", errors)).doesNotContain(ID_NUMBER).doesNotContain(PHONE);
    }

    @Test
    void neverShowsIdNumbersOrPhonesInTheEventsText() {
        assertThat(valid(serviceDelivered("r-1", "f-1")).toString())
                .doesNotContain(ID_NUMBER)
                .doesNotContain(PHONE);
    }

    private static final String SEALED = "k1:" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_";

    private static EventJson sealedForm() {
        EventJson event = onlyName().remove("data.recipient.name");
        return event.set("data.recipient.sealed", SEALED)
                .set("data.recipient.idDigest", "0123456789abcdef0123456789abcdef")
                .set("data.recipient.idMasked", "110109********1234")
                .set("data.recipient.phoneMasked", "138****5678");
    }

    @Test
    void readsTheSealedFormOfDocsContract67() {
        var record = valid(sealedForm()).dataAs(ServiceDelivered.class);

        assertThat(record.recipient())
                .isEqualTo(new SealedRecipient(
                        "0123456789abcdef0123456789abcdef", "110109********1234", null, "138****5678", SEALED));
    }

    @Test
    void refusesRawFieldsBesideTheSealedFormAndRawNumbersInItsMasks() {
        assertThat(errorsOf(sealedForm().set("data.recipient.idNumber", ID_NUMBER)))
                .containsExactly("data.recipient.idNumber: must not stand beside sealed (docs/CONTRACT.md §6.7)");
        assertThat(errorsOf(sealedForm().set("data.recipient.phoneMasked", PHONE)))
                .containsExactly("data.recipient.phoneMasked: must be a mask like 110109********1234 or 138****5678");
        assertThat(errorsOf(sealedForm().set("data.recipient.idMasked", ID_NUMBER)))
                .containsExactly("data.recipient.idMasked: must be a mask like 110109********1234 or 138****5678");
        assertThat(errorsOf(sealedForm().set("data.recipient.sealed", "no-kid")))
                .singleElement()
                .asString()
                .startsWith("data.recipient.sealed: must be <kid>:<base64url ciphertext>");
    }
}
