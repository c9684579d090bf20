package org.eldercare.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.event.FacilityKind;

/** How many facilities of each kind a district has, and their sizes: {@code simulator/facility-mix.json}. */
record FacilityMix(String districtCode, String idPrefix, List<KindMix> kinds) {

    private static final String RESOURCE = "simulator/facility-mix.json";

    /** {@code caregiversPerBeds} &gt; 0 staffs by beds (institutions); otherwise by the range. */
    record KindMix(
            FacilityKind kind,
            int count,
            int bedsMin,
            int bedsMax,
            int seatsMin,
            int seatsMax,
            int caregiversMin,
            int caregiversMax,
            int caregiversPerBeds) {}

    static Map<String, FacilityMix> load() {
        InputStream in = FacilityMix.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
        }
        try (in) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, FacilityMix> mixes = new HashMap<>();
            for (JsonNode d : root.path("districts")) {
                List<KindMix> kinds = new ArrayList<>();
                for (JsonNode k : d.path("kinds")) {
                    kinds.add(new KindMix(
                            FacilityKind.valueOf(k.path("kind").asText()),
                            k.path("count").asInt(),
                            k.path("beds").path(0).asInt(),
                            k.path("beds").path(1).asInt(),
                            k.path("mealSeats").path(0).asInt(),
                            k.path("mealSeats").path(1).asInt(),
                            k.path("caregivers").path(0).asInt(),
                            k.path("caregivers").path(1).asInt(),
                            k.path("caregiversPerBeds").asInt(0)));
                }
                String code = d.path("districtCode").asText();
                mixes.put(code, new FacilityMix(code, d.path("idPrefix").asText(), List.copyOf(kinds)));
            }
            return Map.copyOf(mixes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
