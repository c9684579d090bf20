package org.eldercare.tools.simulator;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;

/** Service records: who got what, from whom, for how long; recipients drawn from the street's people. */
final class ServiceRecords {

    private static final List<ServiceType> DAY_SERVICES = List.of(
            ServiceType.MEAL,
            ServiceType.MEAL,
            ServiceType.CLEANING,
            ServiceType.BATHING,
            ServiceType.HEALTH_CHECK,
            ServiceType.HEALTH_CHECK,
            ServiceType.REHAB,
            ServiceType.COMPANIONSHIP,
            ServiceType.COMPANIONSHIP,
            ServiceType.DAY_CARE,
            ServiceType.OTHER);

    private final RecipientPool recipients;
    private final HandEntryNoise noise;
    private final String runId;
    private long records;

    ServiceRecords(RecipientPool recipients, HandEntryNoise noise, String runId) {
        this.recipients = recipients;
        this.noise = noise;
        this.runId = runId;
    }

    LiveActivity.Action deliver(SimFacility f, OffsetDateTime at, double hour, SplittableRandom random) {
        ServiceType type = LiveActivity.servesMealsOnly(f)
                ? ServiceType.MEAL
                : DayRhythm.daytime(hour) ? NameBook.pick(random, DAY_SERVICES) : ServiceType.EMERGENCY;
        int minutes = minutes(type, random);
        List<SimFacility.SimCaregiver> onDuty = f.onDuty(true);
        String caregiverId = !onDuty.isEmpty()
                ? NameBook.pick(random, onDuty).id
                : f.caregivers.isEmpty() || random.nextInt(10) == 0 ? null : NameBook.pick(random, f.caregivers).id;
        Person person = recipients.someoneNear(f.details.streetCode(), random);
        ServiceDelivered data = new ServiceDelivered(
                runId + "-svc-" + (++records),
                f.id(),
                caregiverId,
                type,
                at.minusMinutes(minutes).truncatedTo(ChronoUnit.SECONDS),
                minutes,
                noise.typed(person, random));
        return new LiveActivity.Action(f, EventType.SERVICE_DELIVERED, data);
    }

    private static int minutes(ServiceType type, SplittableRandom random) {
        return switch (type) {
            case MEAL -> 20 + random.nextInt(30);
            case BATHING, CLEANING -> 45 + random.nextInt(60);
            case HEALTH_CHECK -> 10 + random.nextInt(20);
            case REHAB, COMPANIONSHIP -> 30 + random.nextInt(90);
            case DAY_CARE -> 240 + random.nextInt(240);
            case EMERGENCY -> 15 + random.nextInt(60);
            case OTHER -> 15 + random.nextInt(45);
        };
    }
}
