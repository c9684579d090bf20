package org.eldercare.search.facility;

import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.GeoDistanceType;
import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.search.document.IndexNames;

/** Builds the facility queries; pure, so their shape is tested without a cluster. */
public final class FacilityQueries {

    static final String LOCATION = "location";

    private FacilityQueries() {}

    /** Facilities within the radius, filtered as asked, nearest first; the first sort value is km. */
    public static SearchRequest nearby(NearbyQuery q) {
        return nearby(q, false);
    }

    /**
     * As {@link #nearby(NearbyQuery)}; with {@code operatingOnly} a facility that is not OPERATING is never listed,
     * whatever {@code available} says (the public finder, docs/CONTRACT.md §10.1).
     */
    public static SearchRequest nearby(NearbyQuery q, boolean operatingOnly) {
        GeoLocation centre = GeoLocation.of(g -> g.latlon(ll -> ll.lat(q.lat()).lon(q.lon())));
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(f -> f.geoDistance(g -> g.field(LOCATION)
                        .distance(q.radiusKm() + "km")
                        .location(centre)
                        .distanceType(GeoDistanceType.Arc)));
        if (q.kind() != null) {
            bool.filter(term("kind", q.kind().name()));
        }
        if (q.available() || operatingOnly) {
            bool.filter(term("status", FacilityStatus.OPERATING.name()));
        }
        if (q.available()) {
            bool.filter(hasFreeBedOrServesMeals());
        }
        return SearchRequest.of(s -> s.index(IndexNames.FACILITIES)
                .size(q.limit())
                .trackTotalHits(t -> t.enabled(false))
                .query(bool.build()._toQuery())
                .sort(so -> so.geoDistance(g -> g.field(LOCATION)
                        .location(centre)
                        .order(SortOrder.Asc)
                        .unit(DistanceUnit.Kilometers)
                        .distanceType(GeoDistanceType.Arc)))
                .sort(so -> so.field(f -> f.field("facilityId").order(SortOrder.Asc))));
    }

    /** Every facility of one district, for the dashboard map; at most {@code limit}, by id. */
    public static SearchRequest inDistrict(String districtCode, int limit) {
        return SearchRequest.of(s -> s.index(IndexNames.FACILITIES)
                .size(limit)
                .query(term("districtCode", districtCode))
                .sort(o -> o.field(f -> f.field("facilityId"))));
    }

    private static Query hasFreeBedOrServesMeals() {
        return Query.of(q -> q.bool(b -> b.should(
                        s -> s.range(r -> r.number(n -> n.field("freeBeds").gt(0.0))))
                .should(term("kind", FacilityKind.MEAL_TABLE.name()))
                .minimumShouldMatch("1")));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
