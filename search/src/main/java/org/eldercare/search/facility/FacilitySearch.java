package org.eldercare.search.facility;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndexNames;

/**
 * The portal's facility finder over the {@code facilities} index: nearest facilities around a
 * point, and one facility by id. I/O failures surface as {@link UncheckedIOException}.
 */
public final class FacilitySearch {

    private final ElasticsearchClient client;

    public FacilitySearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** docs/CONTRACT.md §3 {@code /facilities/nearby}; see {@link NearbyQuery#of} for the parameter rules. */
    public List<NearbyFacility> nearby(
            double lat, double lon, double radiusKm, String kind, Boolean available, int limit) {
        return nearby(NearbyQuery.of(lat, lon, radiusKm, kind, available, limit));
    }

    public List<NearbyFacility> nearby(NearbyQuery query) {
        return search(FacilityQueries.nearby(query));
    }

    /** As {@link #nearby(NearbyQuery)}, OPERATING facilities only: the public finder (docs/CONTRACT.md §10.1). */
    public List<NearbyFacility> nearbyOperating(NearbyQuery query) {
        return search(FacilityQueries.nearby(query, true));
    }

    private List<NearbyFacility> search(SearchRequest request) {
        try {
            SearchResponse<FacilityDocument> response = client.search(request, FacilityDocument.class);
            return response.hits().hits().stream().map(FacilitySearch::toNearby).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("facilities: search failed", e);
        }
    }

    /** Every facility of a district (at most {@code limit}), for the dashboard's map. */
    public List<FacilityDocument> inDistrict(String districtCode, int limit) {
        try {
            return client
                    .search(FacilityQueries.inDistrict(districtCode, limit), FacilityDocument.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("facilities: search failed", e);
        }
    }

    /** The facility's current document, or empty when no such facility is indexed. */
    public Optional<FacilityDocument> byId(String facilityId) {
        try {
            GetResponse<FacilityDocument> response =
                    client.get(g -> g.index(IndexNames.FACILITIES).id(facilityId), FacilityDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("facilities: get failed", e);
        }
    }

    static NearbyFacility toNearby(Hit<FacilityDocument> hit) {
        FacilityDocument f = hit.source();
        double km = Math.round(hit.sort().getFirst().doubleValue() * 1000) / 1000.0;
        return new NearbyFacility(
                f.facilityId(),
                f.name(),
                f.kind(),
                f.districtCode(),
                f.streetCode(),
                f.location(),
                km,
                f.beds(),
                f.occupiedBeds(),
                f.freeBeds(),
                f.mealSeats(),
                f.status());
    }
}
