package org.eldercare.ingest.validation;

/**
 * What the validator needs to know about the reference data: which district and street codes exist,
 * and which district each street lies in. {@code org.eldercare.ingest.region.Regions} implements it;
 * tests use a tiny in-memory one.
 *
 * <p>Implementations must be thread-safe and must answer {@code false}, never throw, for unknown or
 * null codes.
 */
public interface StreetDirectory {

    boolean districtExists(String districtCode);

    /** True if the street exists and lies in that district. */
    boolean streetInDistrict(String streetCode, String districtCode);

    boolean streetExists(String streetCode);
}
