package org.eldercare.search.normalize;

/** Where an address lies in the reference data; {@code streetCode} is null when only the district is known. */
public record Place(String districtCode, String streetCode) {}
