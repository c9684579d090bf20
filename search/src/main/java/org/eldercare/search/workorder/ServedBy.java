package org.eldercare.search.workorder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.RequestType;

/**
 * Which facility kinds can take a work order of each request type (docs/CONTRACT.md §10.2): data with its source, in
 * {@code workorders/served-by.json}, not code. Every request type must be served by at least one kind, or the file is
 * refused when loaded.
 */
public final class ServedBy {

    static final String RESOURCE = "workorders/served-by.json";
    private static final ServedBy DEFAULT = load(RESOURCE);

    private final String source;
    private final Map<RequestType, Set<FacilityKind>> kinds;

    ServedBy(String source, Map<RequestType, Set<FacilityKind>> kinds) {
        for (RequestType type : RequestType.values()) {
            if (kinds.getOrDefault(type, Set.of()).isEmpty()) {
                throw new IllegalArgumentException("servedBy." + type + ": must name at least one facility kind");
            }
        }
        this.source = source;
        this.kinds = kinds;
    }

    /** The platform's mapping. */
    public static ServedBy standard() {
        return DEFAULT;
    }

    /** The kinds that can serve {@code type}, never empty. */
    public Set<FacilityKind> kindsFor(RequestType type) {
        return kinds.get(type);
    }

    public boolean serves(FacilityKind kind, RequestType type) {
        return kindsFor(type).contains(kind);
    }

    public String source() {
        return source;
    }

    private record File(String title, String source, Map<RequestType, List<FacilityKind>> servedBy) {}

    static ServedBy load(String resource) {
        try (InputStream in = ServedBy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": not on the classpath");
            }
            File file = new ObjectMapper().readValue(in, File.class);
            Map<RequestType, Set<FacilityKind>> kinds = new EnumMap<>(RequestType.class);
            file.servedBy().forEach((type, list) -> kinds.put(type, Set.copyOf(EnumSet.copyOf(list))));
            return new ServedBy(file.source(), kinds);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        }
    }
}
