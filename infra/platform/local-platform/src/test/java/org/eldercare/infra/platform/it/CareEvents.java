package org.eldercare.infra.platform.it;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** CloudEvents JSON for integration tests, timed now so that they count as today's. */
public final class CareEvents {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();

    private CareEvents() {}

    private static volatile java.time.LocalDate firstSent;

    /** False when Shanghai's midnight passed since the first event was made: today's counts rolled over. */
    static boolean sameDayAsSent() {
        return firstSent == null || firstSent.equals(java.time.LocalDate.now(SHANGHAI));
    }

    public static String id(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
    }

    public static String event(String operator, String id, String type, String data) {
        if (firstSent == null) {
            firstSent = OffsetDateTime.now(SHANGHAI).minusSeconds(30).toLocalDate();
        }
        return """
                {"specversion":"1.0","id":"%s","source":"/operators/%s","type":"%s","time":"%s","data":%s}""".formatted(id, operator, type, OffsetDateTime.now(SHANGHAI).minusSeconds(30), data);
    }

    /** A register event of 大峪街道's civil-affairs office (docs/CONTRACT.md §7). */
    public static String registerEvent(String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/civil-affairs/110109001","type":"%s","time":"%s","data":%s}""".formatted(id("register"), type, OffsetDateTime.now(SHANGHAI).minusSeconds(30), data);
    }

    /** A person in 大峪街道 with a valid ID number of {@code birthDate}. */
    static String personRegistered(String personId, String idNumber, String arrangement) {
        return registerEvent("person.registered", """
                {"personId":"%s","identity":{"name":"测试老人","idNumber":"%s","phone":"13800001234"},
                 "address":"门头沟区大峪街道测试路1号","districtCode":"110109","streetCode":"110109001",
                 "livingArrangement":"%s"}""".formatted(personId, idNumber, arrangement));
    }

    public static String assessmentRecorded(String personId, int level) {
        java.time.LocalDate today = java.time.LocalDate.now(SHANGHAI);
        return registerEvent("assessment.recorded", """
                {"assessmentId":"%s","personId":"%s","level":%d,"assessedOn":"%s","organisation":"门头沟区评估中心",
                 "reassessDueOn":"%s"}""".formatted(
                        id("as"), personId, level, today.minusDays(10), today.plusYears(1)));
    }

    static String serviceDelivered(String operator, String facility, String idNumber) {
        return event(operator, id("svc"), "service.delivered", """
                {"recordId":"%s","facilityId":"%s","serviceType":"MEAL","startedAt":"%s","durationMinutes":30,
                 "recipient":{"name":"测试老人","idNumber":"%s"}}""".formatted(
                        id("rec"), facility, OffsetDateTime.now(SHANGHAI).minusMinutes(5), idNumber));
    }

    /** A facility at 39.94, 116.10, in 大峪街道 (110109001). */
    static String registered(String operator, String facility, String kind, String street, int beds) {
        return registered(operator, facility, kind, street, beds, 39.94, 116.10);
    }

    static String registered(
            String operator, String facility, String kind, String street, int beds, double lat, double lon) {
        return event(operator, id("reg"), "facility.registered", """
                {"facilityId":"%s","kind":"%s","name":"测试%s","districtCode":"%s","streetCode":"%s",
                 "location":{"lat":%s,"lon":%s},"beds":%d,"mealSeats":20}""".formatted(
                        facility, kind, facility, street.substring(0, 6), street, lat, lon, beds));
    }

    static String bedOccupied(String operator, String id, String facility, int count) {
        return event(operator, id, "bed.occupied", "{\"facilityId\":\"%s\",\"count\":%d}".formatted(facility, count));
    }

    static String bedReleased(String operator, String facility, int count) {
        return event(
                operator, id("rel"), "bed.released", "{\"facilityId\":\"%s\",\"count\":%d}".formatted(facility, count));
    }

    static String caregiverHired(String operator, String caregiver, String facility, boolean certified) {
        return event(
                operator,
                id("hire"),
                "caregiver.hired",
                "{\"caregiverId\":\"%s\",\"facilityId\":\"%s\",\"certified\":%s}"
                        .formatted(caregiver, facility, certified));
    }

    static String shiftStarted(String operator, String caregiver, String facility) {
        return event(
                operator,
                id("shift"),
                "caregiver.shift.started",
                "{\"caregiverId\":\"%s\",\"facilityId\":\"%s\"}".formatted(caregiver, facility));
    }

    static String mealServed(String operator, String facility, int meals) {
        return event(
                operator,
                id("meal"),
                "meal.served",
                "{\"facilityId\":\"%s\",\"meals\":%d,\"mealType\":\"LUNCH\"}".formatted(facility, meals));
    }

    static String statusChanged(String operator, String facility, String status) {
        return event(
                operator,
                id("status"),
                "facility.status.changed",
                "{\"facilityId\":\"%s\",\"status\":\"%s\"}".formatted(facility, status));
    }

    public static String batch(List<String> events) {
        return "[" + String.join(",", events) + "]";
    }
}
