package org.eldercare.streaming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceEvent;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.IncidentResolved;
import org.eldercare.ingest.event.IncidentTransition;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.streaming.fixtures.IncidentDay;

/**
 * The incidents of a list of events computed as a plain fold (docs/CONTRACT.md §9.4–§9.6), written without the job's
 * classes: the rules' figures are those of {@code incidents/rules/default.json}, written out here, and each incident's
 * end state is worked out from the times of its steps rather than stepped through timers. It is the state once every
 * deadline has passed, which is where a bounded run ends (its last watermark is +∞). Missed visits are judged for the
 * month of each register entry only: the fold refuses input that runs past a month's judgement, where the job would
 * go on to the next month.
 */
final class ExpectedIncidents {

    /** The default rules, as §9.4's example and {@code default.json} give them. */
    private record Rule(List<String> tiers, List<Duration> within, Duration dispatch, Duration resolve) {}

    private static final Rule SOS = new Rule(
            List.of("HOTLINE", "STREET_OFFICE", "COMMUNITY"),
            List.of(Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(30)),
            Duration.ofMinutes(15),
            Duration.ofHours(2));
    private static final Rule SILENT = new Rule(
            List.of("HOTLINE", "OPERATOR"),
            List.of(Duration.ofHours(4), Duration.ofHours(12)),
            Duration.ofDays(1),
            Duration.ofDays(3));
    private static final Rule LOW_WATER = new Rule(
            List.of("HOTLINE", "COMMUNITY"),
            List.of(Duration.ofHours(1), Duration.ofHours(2)),
            Duration.ofHours(4),
            Duration.ofDays(1));
    private static final Rule MISSED_VISIT =
            new Rule(List.of("STREET_OFFICE"), List.of(Duration.ofDays(2)), Duration.ofDays(7), Duration.ofDays(14));
    private static final int MISSED_HEARTBEATS = 3;
    /** {@code graceDays} of the default rules; the visit service is monthly in the default service list. */
    private static final int GRACE_DAYS = 3;

    private static final double LITRES_PER_DAY = 10;

    final Map<String, IncidentDocument> incidents = new TreeMap<>();
    final List<String> rejections = new ArrayList<>();

    private record Binding(String personId, DeviceKind kind, String district, String street, int heartbeatSeconds) {}

    private record Opened(
            String id,
            String rule,
            Rule sla,
            OffsetDateTime at,
            Binding binding,
            String operatorId,
            String deviceId,
            String personId,
            org.eldercare.ingest.event.GeoPoint location) {}

    static String incidentId(String rule, String subject, String occurrence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((rule + "|" + subject + "|" + occurrence).getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    ExpectedIncidents(List<CareEvent> all) {
        List<CareEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CareEvent e : all) {
            if (seen.add(e.source() + "\n" + e.id())) {
                events.add(e);
            }
        }
        Map<String, PersonDetails> persons = new LinkedHashMap<>();
        Map<String, Binding> bound = new LinkedHashMap<>();
        Map<String, List<Long>> signals = new LinkedHashMap<>();
        Map<String, Long> unboundAt = new LinkedHashMap<>();
        Map<String, TreeMap<Long, Double>> readings = new LinkedHashMap<>();
        Map<String, Binding> everBound = new LinkedHashMap<>();
        List<Opened> opened = new ArrayList<>();
        Map<String, List<CareEvent>> steps = new LinkedHashMap<>();
        Map<String, Set<YearMonth>> registeredIn = new LinkedHashMap<>();
        Map<String, String> facilityOwners = new LinkedHashMap<>();
        List<CareEvent> visits = new ArrayList<>();
        OffsetDateTime last = events.stream()
                .map(CareEvent::time)
                .max(Comparator.naturalOrder())
                .orElseThrow();

        for (CareEvent e : events) {
            long t = e.time().toInstant().toEpochMilli();
            switch (e.data()) {
                case PersonDetails p -> {
                    persons.put(p.personId(), p);
                    registeredIn
                            .computeIfAbsent(p.personId(), k -> new java.util.TreeSet<>())
                            .add(YearMonth.from(e.time().atZoneSameInstant(IncidentDay.SHANGHAI)));
                }
                case FacilityDetails f
                when e.type() == EventType.FACILITY_REGISTERED ->
                    facilityOwners.putIfAbsent(f.facilityId(), e.source());
                case VisitCompleted v -> {
                    if (e.source().equals(facilityOwners.get(v.facilityId()))) {
                        visits.add(e);
                    }
                }
                case DeviceBound b -> {
                    String key = "op-1/" + b.deviceId();
                    Binding binding =
                            new Binding(b.personId(), b.kind(), b.districtCode(), b.streetCode(), b.heartbeatSeconds());
                    bound.put(key, binding);
                    everBound.put(key, binding);
                    signals.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                }
                case DeviceUnbound u -> {
                    String key = "op-1/" + u.deviceId();
                    if (bound.remove(key) == null) {
                        rejections.add("data.deviceId: operator op-1 has no bound device " + u.deviceId());
                    } else {
                        unboundAt.put(key, t);
                    }
                }
                case DeviceEvent d -> {
                    String key = "op-1/" + d.deviceId();
                    Binding binding = bound.get(key);
                    if (binding == null) {
                        rejections.add("data.deviceId: operator op-1 has no bound device " + d.deviceId());
                    } else if (d instanceof MeterReading && binding.kind() != DeviceKind.WATER_METER) {
                        rejections.add("type: a " + binding.kind() + " device cannot send meter.reading");
                    } else {
                        signals.get(key).add(t);
                        if (d instanceof MeterReading r) {
                            readings.computeIfAbsent(key, k -> new TreeMap<>()).put(t, r.litres());
                        }
                        if (d instanceof DeviceSos s) {
                            opened.add(new Opened(
                                    incidentId("SOS", key, e.source() + "|" + e.id()),
                                    "SOS",
                                    SOS,
                                    e.time(),
                                    binding,
                                    "op-1",
                                    d.deviceId(),
                                    binding.personId(),
                                    s.location()));
                        }
                    }
                }
                case IncidentTransition step ->
                    steps.computeIfAbsent(step.incidentId(), k -> new ArrayList<>())
                            .add(e);
                default -> {}
            }
        }

        // Silence: a gap of heartbeatSeconds × 3 between two signals, or before the unbinding.
        for (var entry : signals.entrySet()) {
            Binding binding = everBound.get(entry.getKey());
            List<Long> times = new ArrayList<>(entry.getValue());
            if (unboundAt.containsKey(entry.getKey())) {
                times.add(unboundAt.get(entry.getKey()));
            }
            times.sort(null);
            long limit = 1000L * binding.heartbeatSeconds() * MISSED_HEARTBEATS;
            for (int i = 0; i + 1 < times.size(); i++) {
                if (times.get(i + 1) - times.get(i) >= limit) {
                    opened.add(new Opened(
                            incidentId("DEVICE_SILENT", entry.getKey(), Long.toString(times.get(i))),
                            "DEVICE_SILENT",
                            SILENT,
                            IncidentDay.at(times.get(i) + limit),
                            binding,
                            "op-1",
                            entry.getKey().substring("op-1/".length()),
                            binding.personId(),
                            null));
                }
            }
        }

        // Water: the increases from the last reading before a day to its last reading, for days that end while bound.
        for (var entry : readings.entrySet()) {
            Binding binding = everBound.get(entry.getKey());
            PersonDetails person = persons.get(binding.personId());
            if (person == null || person.livingArrangement() != LivingArrangement.ALONE) {
                continue;
            }
            TreeMap<LocalDate, Double> use = new TreeMap<>();
            Double previous = null;
            LocalDate first = null;
            for (var r : entry.getValue().entrySet()) {
                LocalDate day = IncidentDay.at(r.getKey()).toLocalDate();
                if (first == null) {
                    first = day;
                }
                if (previous != null && day.isAfter(first)) {
                    use.merge(day, Math.max(0, r.getValue() - previous), Double::sum);
                }
                previous = r.getValue();
            }
            long unbound = unboundAt.getOrDefault(entry.getKey(), Long.MAX_VALUE);
            for (var day : use.entrySet()) {
                OffsetDateTime midnight = day.getKey()
                        .plusDays(1)
                        .atStartOfDay(IncidentDay.SHANGHAI)
                        .toOffsetDateTime();
                if (midnight.toInstant().toEpochMilli() <= unbound && day.getValue() < LITRES_PER_DAY) {
                    opened.add(new Opened(
                            incidentId(
                                    "LOW_WATER",
                                    binding.personId(),
                                    day.getKey().toString()),
                            "LOW_WATER",
                            LOW_WATER,
                            midnight,
                            new Binding(
                                    binding.personId(), binding.kind(), person.districtCode(), person.streetCode(), 0),
                            "op-1",
                            entry.getKey().substring("op-1/".length()),
                            binding.personId(),
                            null));
                }
            }
        }

        // Missed visits: each register entry's month is judged, graceDays after it ends, from the entry as it then
        // stands (every arrangement here is dated before the month's last day); a visit counts for the month of its
        // visitedAt when recorded by the judgement. ALONE and COUPLE_ONLY (空巢) entitle to the default list's VISIT.
        for (var entry : registeredIn.entrySet()) {
            PersonDetails person = persons.get(entry.getKey());
            for (YearMonth month : entry.getValue()) {
                OffsetDateTime judgedAt = month.atEndOfMonth()
                        .plusDays(1L + GRACE_DAYS)
                        .atStartOfDay(IncidentDay.SHANGHAI)
                        .toOffsetDateTime();
                if (!judgedAt.isAfter(last)) {
                    throw new IllegalStateException("the fold judges months only after the input ends, not " + month);
                }
                boolean entitled = person.livingArrangement() == LivingArrangement.ALONE
                        || person.livingArrangement() == LivingArrangement.COUPLE_ONLY;
                boolean visited = visits.stream().anyMatch(e -> {
                    VisitCompleted v = (VisitCompleted) e.data();
                    return v.personId().equals(person.personId())
                            && YearMonth.from(v.visitedAt().atZoneSameInstant(IncidentDay.SHANGHAI))
                                    .equals(month)
                            && !e.time().isAfter(judgedAt);
                });
                if (entitled && !visited) {
                    opened.add(new Opened(
                            incidentId("MISSED_VISIT", person.personId(), "VISIT|" + month),
                            "MISSED_VISIT",
                            MISSED_VISIT,
                            judgedAt,
                            new Binding(person.personId(), null, person.districtCode(), person.streetCode(), 0),
                            null,
                            null,
                            person.personId(),
                            null));
                }
            }
        }

        for (Opened o : opened) {
            incidents.put(
                    o.id(), lifecycle(o, steps.getOrDefault(o.id(), List.of()), person(persons.get(o.personId()))));
        }
        for (var entry : steps.entrySet()) {
            if (!incidents.containsKey(entry.getKey())) {
                entry.getValue().forEach(s -> rejections.add("data.incidentId: no incident " + entry.getKey()));
            }
        }
    }

    private static IncidentDocument.Person person(PersonDetails p) {
        if (p == null) {
            return null;
        }
        Recipient r = (Recipient) p.identity();
        String name = r.name();
        String id = r.idNumber();
        return new IncidentDocument.Person(
                name.charAt(0) + "*" + name.charAt(name.length() - 1),
                id.substring(0, 6) + "********" + id.substring(14),
                r.phone().substring(0, 3) + "****" + r.phone().substring(7),
                r.birthDate().getYear(),
                p.livingArrangement() == LivingArrangement.ALONE ? List.of("EMPTY_NEST", "LIVING_ALONE") : List.of());
    }

    /** One transition of the fold: the time, the order at one instant, and what it is. */
    private record Step(OffsetDateTime at, int order, String type, String by, String note) {}

    private IncidentDocument lifecycle(Opened o, List<CareEvent> hotline, IncidentDocument.Person person) {
        Rule r = o.sla();
        OffsetDateTime t0 = o.at();
        List<CareEvent> sorted = new ArrayList<>(hotline);
        sorted.sort(Comparator.comparing(CareEvent::time));
        String state = "OPEN";
        OffsetDateTime ack = null;
        OffsetDateTime dispatched = null;
        OffsetDateTime resolved = null;
        IncidentDispatched dispatch = null;
        IncidentResolved resolution = null;
        List<Step> history = new ArrayList<>();
        history.add(new Step(t0, -1, "incident.opened", "job", null));
        for (CareEvent e : sorted) {
            String verb = e.type().wireName().substring("incident.".length());
            boolean ok = switch (verb) {
                case "acknowledged" -> state.equals("OPEN");
                case "dispatched" -> state.equals("OPEN") || state.equals("ACKNOWLEDGED");
                default -> !state.equals("RESOLVED");
            };
            if (!ok) {
                String infinitive = switch (verb) {
                    case "acknowledged" -> "acknowledge";
                    case "dispatched" -> "dispatch";
                    default -> "resolve";
                };
                rejections.add("data.incidentId: incident " + o.id() + " is " + state + "; cannot " + infinitive);
                continue;
            }
            ack = ack == null ? e.time() : ack;
            switch (e.data()) {
                case IncidentDispatched d -> {
                    state = "DISPATCHED";
                    dispatched = e.time();
                    dispatch = d;
                }
                case IncidentResolved d -> {
                    state = "RESOLVED";
                    resolved = e.time();
                    resolution = d;
                }
                default -> state = "ACKNOWLEDGED";
            }
            history.add(new Step(e.time(), 0, e.type().wireName(), e.source(), ((IncidentTransition) e.data()).note()));
        }
        OffsetDateTime ackBy = t0.plus(r.within().getFirst());
        OffsetDateTime dispatchBy = t0.plus(r.dispatch());
        OffsetDateTime resolveBy = t0.plus(r.resolve());
        List<IncidentDocument.Escalation> escalations = new ArrayList<>();
        OffsetDateTime at = t0;
        for (int k = 1; k < r.tiers().size(); k++) {
            at = at.plus(r.within().get(k - 1));
            if (ack == null || at.isBefore(ack)) {
                escalations.add(new IncidentDocument.Escalation(r.tiers().get(k), at));
                history.add(new Step(at, 1, "incident.escalated", "job", null));
            }
        }
        if (ack == null || ack.isAfter(ackBy)) {
            history.add(new Step(ackBy, 2, "incident.sla.breached", "job", "ACKNOWLEDGE"));
        }
        if ((dispatched == null || dispatched.isAfter(dispatchBy))
                && (resolved == null || resolved.isAfter(dispatchBy))) {
            history.add(new Step(dispatchBy, 3, "incident.sla.breached", "job", "DISPATCH"));
        }
        if (resolved == null || resolved.isAfter(resolveBy)) {
            history.add(new Step(resolveBy, 4, "incident.sla.breached", "job", "RESOLVE"));
        }
        history.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
        List<IncidentDocument.Transition> transitions = new ArrayList<>();
        List<String> breached = new ArrayList<>();
        for (Step s : history) {
            transitions.add(
                    new IncidentDocument.Transition(transitions.size() + 1, s.type(), s.at(), s.by(), s.note()));
            if (s.type().equals("incident.sla.breached")) {
                breached.add(s.note());
            }
        }
        return new IncidentDocument(
                o.id(),
                o.rule(),
                state,
                o.binding().district(),
                o.binding().street(),
                o.operatorId(),
                o.deviceId(),
                o.binding().kind() == null ? null : o.binding().kind().name(),
                o.personId(),
                person,
                o.location(),
                null,
                null,
                t0,
                ack,
                dispatched,
                resolved,
                ackBy,
                dispatchBy,
                resolveBy,
                breached,
                escalations.isEmpty()
                        ? r.tiers().getFirst()
                        : escalations.getLast().tier(),
                escalations.size(),
                escalations,
                dispatch == null ? null : dispatch.dispatchedTo(),
                dispatch == null ? null : dispatch.workOrderId(),
                resolution == null ? null : resolution.outcome().name(),
                transitions,
                history.getLast().at());
    }
}
