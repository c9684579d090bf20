package org.eldercare.infra.platform.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eldercare.infra.platform.it.CareEvents;

/** CloudEvents an operator's system would send while the portal is open, timed now (Shanghai). */
final class PortalEvents {

    static final ZoneId SHANGHAI = CareEvents.SHANGHAI;

    private PortalEvents() {}

    /** A care facility with its location, so that the finder can place it. */
    record Facility(String id, String name, String kind, String streetCode, double lat, double lon, int beds) {}

    /** A service recipient as the operator recorded them. */
    record Recipient(String name, String idNumber, String phone, String gender, LocalDate birthDate) {}

    /** PortalBrowserIT's street on the shared platform: 东辛房街道. */
    static final String PORTAL_STREET = "110109003";

    static String id(String prefix) {
        return CareEvents.id(prefix);
    }

    static String registered(String operator, Facility f) {
        return event(operator, "facility.registered", """
                {"facilityId":"%s","kind":"%s","name":"%s","districtCode":"%s","streetCode":"%s",
                 "location":{"lat":%s,"lon":%s},"beds":%d,"mealSeats":20}""".formatted(
                        f.id(),
                        f.kind(),
                        f.name(),
                        f.streetCode().substring(0, 6),
                        f.streetCode(),
                        f.lat(),
                        f.lon(),
                        f.beds()));
    }

    static String bedsOccupied(String operator, Facility f, int count) {
        return event(operator, "bed.occupied", "{\"facilityId\":\"%s\",\"count\":%d}".formatted(f.id(), count));
    }

    /**
     * A record of {@code name} at {@code address}, with an ID number and phone only when given: a namesake's record
     * that the resolution must queue for a reviewer rather than merge (docs/CONTRACT.md §7.6).
     */
    static String serviceAt(
            String operator, Facility f, String name, String idNumber, String phone, String address, int minutesAgo) {
        String ids = (idNumber == null ? "" : "\"idNumber\":\"" + idNumber + "\",")
                + (phone == null ? "" : "\"phone\":\"" + phone + "\",");
        return event(operator, "service.delivered", """
                {"recordId":"%s","facilityId":"%s","serviceType":"COMPANIONSHIP","startedAt":"%s","durationMinutes":45,
                 "recipient":{"name":"%s",%s"gender":"F","address":"%s"}}""".formatted(
                        id("rec"), f.id(), OffsetDateTime.now(SHANGHAI).minusMinutes(minutesAgo), name, ids, address));
    }

    static String serviceDelivered(String operator, Facility f, Recipient r, String serviceType, int minutesAgo) {
        return event(operator, "service.delivered", """
                {"recordId":"%s","facilityId":"%s","serviceType":"%s","startedAt":"%s","durationMinutes":45,
                 "recipient":{"name":"%s","idNumber":"%s","phone":"%s","gender":"%s","birthDate":"%s"}}""".formatted(
                        id("rec"),
                        f.id(),
                        serviceType,
                        OffsetDateTime.now(SHANGHAI).minusMinutes(minutesAgo),
                        r.name(),
                        r.idNumber(),
                        r.phone(),
                        r.gender(),
                        r.birthDate()));
    }

    /** {@code r} in the street office's register of 大峪街道, living as {@code arrangement} says. */
    static String personRegistered(String personId, Recipient r, String arrangement) {
        return personRegistered(personId, r, arrangement, "110109001", "大峪街道");
    }

    /**
     * {@code r} in the register of the Mentougou street {@code streetCode} named {@code streetName}: a class on the
     * shared platform registers its people in a street of its own.
     */
    static String personRegistered(
            String personId, Recipient r, String arrangement, String streetCode, String streetName) {
        return CareEvents.registerEvent("person.registered", """
                {"personId":"%s","identity":{"name":"%s","idNumber":"%s","phone":"%s","gender":"%s"},
                 "address":"门头沟区%s测试路2号","districtCode":"110109","streetCode":"%s",
                 "livingArrangement":"%s"}""".formatted(
                        personId, r.name(), r.idNumber(), r.phone(), r.gender(), streetName, streetCode, arrangement));
    }

    /** A GB/T 42195 capability assessment of {@code level} (3: severely disabled) ten days ago. */
    static String assessmentRecorded(String personId, int level) {
        return CareEvents.assessmentRecorded(personId, level);
    }

    /**
     * A call to the hotline's desk {@code desk} (docs/CONTRACT.md §10.2) from the person the hotline identified as
     * {@code recipientId}, received five minutes ago and lasting four.
     */
    static String callLogged(String desk, String callId, String recipientId, String streetCode, String reason) {
        return hotline(desk, "call.logged", """
                {"callId":"%s","receivedAt":"%s","durationSeconds":240,"streetCode":"%s","reason":"%s",
                 "recipientId":"%s"}""".formatted(
                        callId, OffsetDateTime.now(SHANGHAI).minusMinutes(5), streetCode, reason, recipientId));
    }

    /** A work order opened on {@code callId} at the centre of street {@code f}'s street, where the person lives. */
    static String workOrderOpened(
            String desk, String workOrderId, String callId, String requestType, Facility f, String recipientId) {
        return hotline(desk, "workorder.opened", """
                {"workOrderId":"%s","callId":"%s","requestType":"%s","districtCode":"%s","streetCode":"%s",
                 "location":{"lat":%s,"lon":%s},"recipientId":"%s"}""".formatted(
                        workOrderId,
                        callId,
                        requestType,
                        f.streetCode().substring(0, 6),
                        f.streetCode(),
                        f.lat(),
                        f.lon(),
                        recipientId));
    }

    private static String hotline(String desk, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/hotline/%s","type":"%s","time":"%s","data":%s}""".formatted(id("hl"), desk, type, OffsetDateTime.now(SHANGHAI).minusSeconds(30), data);
    }

    static String batch(List<String> events) {
        return CareEvents.batch(events);
    }

    private static String event(String operator, String type, String data) {
        return CareEvents.event(operator, id("evt"), type, data);
    }
}
