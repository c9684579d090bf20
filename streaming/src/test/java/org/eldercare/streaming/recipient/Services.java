package org.eldercare.streaming.recipient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.search.normalize.IdNumbers;

/** Made-up {@code service.delivered} events of operator op-1, one day apart, recipients typed as operators do. */
final class Services {

    static final String HMAC_KEY = "test-key-for-recipients";
    static final String HOME = "大兴区清源街道兴华大街1号";
    static final String PHONE = "13733334444";
    private static final OffsetDateTime DAY_ONE = OffsetDateTime.parse("2025-03-01T08:00:00+08:00");

    private Services() {}

    /** Record {@code rec-<day>}, delivered on day {@code day}. */
    static CareEvent served(int day, Recipient recipient) {
        return new CareEvent(
                "evt-" + day,
                CareEvent.OPERATOR_SOURCE_PREFIX + "op-1",
                EventType.SERVICE_DELIVERED,
                DAY_ONE.plusDays(day),
                new ServiceDelivered(
                        "rec-" + day, "f-1", null, ServiceType.BATHING, DAY_ONE.plusDays(day), 45, recipient));
    }

    /** Record {@code rec-<day>-<hour>}, delivered on day {@code day} at {@code hour} o'clock (Asia/Shanghai). */
    static CareEvent servedAt(int day, int hour, Recipient recipient) {
        OffsetDateTime at = DAY_ONE.plusDays(day).withHour(hour);
        return new CareEvent(
                "evt-" + day + "-" + hour,
                CareEvent.OPERATOR_SOURCE_PREFIX + "op-1",
                EventType.SERVICE_DELIVERED,
                at,
                new ServiceDelivered("rec-" + day + "-" + hour, "f-1", null, ServiceType.BATHING, at, 45, recipient));
    }

    static Recipient recipient(String name, String id, String phone, LocalDate birth, String gender, String address) {
        return new Recipient(name, id, phone, gender, birth, address, null);
    }

    /** A valid 18-digit identity number of someone registered under {@code prefix}. */
    static String idNumber(String prefix, LocalDate birth, int sequence) {
        String body = prefix + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return body + IdNumbers.checkChar(body);
    }
}
