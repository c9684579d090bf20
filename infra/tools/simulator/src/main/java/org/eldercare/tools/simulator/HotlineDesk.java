package org.eldercare.tools.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DispatchKind;
import org.eldercare.ingest.event.DispatchTarget;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IncidentAcknowledged;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.IncidentOutcome;
import org.eldercare.ingest.event.IncidentResolved;

/**
 * A 12349 hotline desk answering SOS incidents and taking the incidents the job raises on its own (silent devices,
 * low water, missed visits; {@link #take}) (docs/CONTRACT.md §9.5), as the HOTLINE role from {@code
 * /hotline/<desk>}. It learns each incident's id the way the job derives it (§9.4), from the SOS event it saw sent, so
 * it never asks the API. Most incidents are acknowledged within the SOS rule's first tier (3 minutes in {@code
 * default.json}), a share ({@link TerminalConfig#hotlineLateShare()}) only after 4 to 12 minutes, so they escalate to
 * the street office first; then help is dispatched (a facility, the family, the community or 120) and the call closed,
 * or a false alarm is closed without dispatch. The steps are sent when their time has come, each strictly after the
 * one before. Not thread-safe.
 */
final class HotlineDesk {

    /** The SOS rule's first tier in {@code default.json}; the desk's on-time answers stay well inside it. */
    static final Duration ACKNOWLEDGE_WITHIN = Duration.ofMinutes(3);

    static final String DEVICE_SILENT = "DEVICE_SILENT";
    static final String LOW_WATER = "LOW_WATER";
    static final String MISSED_VISIT = "MISSED_VISIT";

    private record Step(OffsetDateTime at, long order, String id, EventType type, EventData data) {}

    private final TerminalConfig config;
    private final SplittableRandom random;
    private final PriorityQueue<Step> pending =
            new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
    private long order;

    HotlineDesk(TerminalConfig config, SplittableRandom random) {
        this.config = config;
        this.random = random;
    }

    /**
     * The id the job gives the incident an accepted {@code device.sos} raises (§9.4): {@code inc-} and the first 24 hex
     * digits of SHA-256 over {@code SOS|<operatorId>/<deviceId>|<source>|<id>}.
     */
    static String sosIncidentId(CareEvent sos) {
        return incidentId(
                "SOS", sos.operatorId() + "/" + sos.dataAs(DeviceSos.class).deviceId(), sos.source() + "|" + sos.id());
    }

    /** {@code inc-} + hex(SHA-256(rule|subject|occurrence))[0..24], docs/CONTRACT.md §9.4. */
    static String incidentId(String rule, String subject, String occurrence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((rule + "|" + subject + "|" + occurrence).getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Takes the call of an SOS the simulator sent and plans its steps.
     *
     * @param nearby a facility of the device's operator near the person, for a dispatch to a facility
     */
    void answer(CareEvent sos, String nearby) {
        String incidentId = sosIncidentId(sos);
        boolean late = random.nextDouble() < config.hotlineLateShare();
        // On time: 30 s (the job must have read the SOS first) to 2.5 min. Late: past the 3-minute tier, before the
        // street office's 10 minutes run out.
        long ackSeconds = late ? 240 + random.nextInt(480) : 30 + random.nextInt(120);
        OffsetDateTime ack = sos.time().plusSeconds(ackSeconds);
        plan(ack, "ack-" + incidentId, EventType.INCIDENT_ACKNOWLEDGED, new IncidentAcknowledged(incidentId, null));
        if (random.nextInt(100) < 20) {
            OffsetDateTime resolved = ack.plusSeconds(60 + random.nextInt(240));
            plan(
                    resolved,
                    "res-" + incidentId,
                    EventType.INCIDENT_RESOLVED,
                    new IncidentResolved(incidentId, IncidentOutcome.FALSE_ALARM, "误报 pressed by mistake"));
            return;
        }
        DispatchKind kind = dispatchKind();
        OffsetDateTime dispatched = ack.plusSeconds(60 + random.nextInt(420));
        plan(
                dispatched,
                "dsp-" + incidentId,
                EventType.INCIDENT_DISPATCHED,
                new IncidentDispatched(
                        incidentId,
                        new DispatchTarget(kind, kind == DispatchKind.FACILITY ? nearby : null),
                        "wo-" + incidentId.substring(4),
                        null));
        OffsetDateTime resolved = dispatched.plusSeconds(600 + random.nextInt(3000));
        IncidentOutcome outcome =
                kind == DispatchKind.EMERGENCY_120 ? IncidentOutcome.HOSPITALISED : IncidentOutcome.ASSISTED;
        plan(
                resolved,
                "res-" + incidentId,
                EventType.INCIDENT_RESOLVED,
                new IncidentResolved(incidentId, outcome, null));
    }

    /**
     * Takes an incident the job raises without a call: a silent device, a day of low water, a missed visit (§9.4),
     * whose id the simulator derives from what it made happen. Acknowledged 5 to 40 minutes after it opens (within
     * the first tier of each rule in {@code default.json}), dispatched 10 to 50 minutes later (the street office
     * arranges a missed visit, the community checks on a silent device or a dry home) and resolved 1 to 4 hours after
     * that: a device fixed, a person assisted (or, for one dry home in three, nothing needed: they were away).
     */
    void take(String rule, String incidentId, OffsetDateTime openedAt) {
        OffsetDateTime ack = openedAt.plusSeconds(300 + random.nextInt(2100));
        plan(ack, "ack-" + incidentId, EventType.INCIDENT_ACKNOWLEDGED, new IncidentAcknowledged(incidentId, null));
        DispatchKind kind = rule.equals(MISSED_VISIT) ? DispatchKind.STREET_OFFICE : DispatchKind.COMMUNITY;
        OffsetDateTime dispatched = ack.plusSeconds(600 + random.nextInt(2400));
        plan(
                dispatched,
                "dsp-" + incidentId,
                EventType.INCIDENT_DISPATCHED,
                new IncidentDispatched(incidentId, new DispatchTarget(kind, null), null, null));
        IncidentOutcome outcome = switch (rule) {
            case DEVICE_SILENT -> IncidentOutcome.DEVICE_FIXED;
            case LOW_WATER -> random.nextInt(3) == 0 ? IncidentOutcome.NO_ACTION_NEEDED : IncidentOutcome.ASSISTED;
            default -> IncidentOutcome.ASSISTED;
        };
        plan(
                dispatched.plusSeconds(3600 + random.nextInt(3 * 3600)),
                "res-" + incidentId,
                EventType.INCIDENT_RESOLVED,
                new IncidentResolved(incidentId, outcome, null));
    }

    /** The steps whose time has come by {@code now}, in time order. */
    List<CareEvent> due(OffsetDateTime now) {
        List<CareEvent> steps = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().at().isAfter(now)) {
            Step s = pending.poll();
            steps.add(new CareEvent(s.id(), config.hotlineSource(), s.type(), s.at(), s.data()));
        }
        return steps;
    }

    int pending() {
        return pending.size();
    }

    private void plan(OffsetDateTime at, String id, EventType type, EventData data) {
        pending.add(new Step(at, order++, id, type, data));
    }

    private DispatchKind dispatchKind() {
        int roll = random.nextInt(100);
        return roll < 50
                ? DispatchKind.FACILITY
                : roll < 75 ? DispatchKind.FAMILY : roll < 90 ? DispatchKind.COMMUNITY : DispatchKind.EMERGENCY_120;
    }
}
