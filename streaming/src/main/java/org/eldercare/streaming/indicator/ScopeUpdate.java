package org.eldercare.streaming.indicator;

import org.eldercare.streaming.coverage.CoverageShare;
import org.eldercare.streaming.facility.FacilityTotals;

/**
 * One change to one scope (a street or district code): a facility's new totals, a facility leaving
 * the scope, a street's new population, a person's new coverage share ({@code person} is their identity, {@code
 * share} null when they left the scope), or a bare touch that makes the scope publish itself.
 */
public record ScopeUpdate(
        String scopeCode,
        Kind kind,
        String facilityId,
        FacilityTotals totals,
        String streetCode,
        PopulationFigure population,
        String person,
        CoverageShare share) {

    public enum Kind {
        FACILITY,
        FACILITY_LEFT,
        POPULATION,
        TOUCH,
        COVERAGE
    }

    public static ScopeUpdate facility(String scope, String facilityId, FacilityTotals totals) {
        return new ScopeUpdate(scope, Kind.FACILITY, facilityId, totals, null, null, null, null);
    }

    public static ScopeUpdate facilityLeft(String scope, String facilityId) {
        return new ScopeUpdate(scope, Kind.FACILITY_LEFT, facilityId, null, null, null, null, null);
    }

    public static ScopeUpdate population(String scope, String streetCode, PopulationFigure figure) {
        return new ScopeUpdate(scope, Kind.POPULATION, null, null, streetCode, figure, null, null);
    }

    public static ScopeUpdate coverage(String scope, String person, CoverageShare share) {
        return new ScopeUpdate(scope, Kind.COVERAGE, null, null, null, null, person, share);
    }

    public static ScopeUpdate touch(String scope) {
        return new ScopeUpdate(scope, Kind.TOUCH, null, null, null, null, null, null);
    }
}
