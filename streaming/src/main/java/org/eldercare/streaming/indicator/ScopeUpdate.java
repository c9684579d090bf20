package org.eldercare.streaming.indicator;

import org.eldercare.streaming.facility.FacilityTotals;

/**
 * One change to one scope (a street or district code): a facility's new totals, a facility leaving
 * the scope, a street's new population, or a bare touch that makes the scope publish itself.
 */
public record ScopeUpdate(
        String scopeCode,
        Kind kind,
        String facilityId,
        FacilityTotals totals,
        String streetCode,
        PopulationFigure population) {

    public enum Kind {
        FACILITY,
        FACILITY_LEFT,
        POPULATION,
        TOUCH
    }

    public static ScopeUpdate facility(String scope, String facilityId, FacilityTotals totals) {
        return new ScopeUpdate(scope, Kind.FACILITY, facilityId, totals, null, null);
    }

    public static ScopeUpdate facilityLeft(String scope, String facilityId) {
        return new ScopeUpdate(scope, Kind.FACILITY_LEFT, facilityId, null, null, null);
    }

    public static ScopeUpdate population(String scope, String streetCode, PopulationFigure figure) {
        return new ScopeUpdate(scope, Kind.POPULATION, null, null, streetCode, figure);
    }

    public static ScopeUpdate touch(String scope) {
        return new ScopeUpdate(scope, Kind.TOUCH, null, null, null, null);
    }
}
