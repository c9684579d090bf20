package org.eldercare.ingest.validation;

/** District and street codes checked against the reference data. */
final class RegionCodes {

    private final StreetDirectory streets;

    RegionCodes(StreetDirectory streets) {
        this.streets = streets;
    }

    /** A known 6-digit district code, or null. */
    String district(Fields data, String field) {
        String code = data.digits(field, 6);
        if (code != null && !streets.districtExists(code)) {
            data.error(field, "must be a known district code");
            return null;
        }
        return code;
    }

    /** A known 9-digit street code, or null. */
    String street(Fields data, String field) {
        String code = data.digits(field, 9);
        if (code != null && !streets.streetExists(code)) {
            data.error(field, "must be a known street code");
            return null;
        }
        return code;
    }

    /** A known street code that lies in {@code districtCode}; not judged when the district is unknown. */
    String streetIn(Fields data, String field, String districtCode) {
        String code = street(data, field);
        if (code != null && districtCode != null && !streets.streetInDistrict(code, districtCode)) {
            data.error(field, "must lie in district " + districtCode);
            return null;
        }
        return code;
    }
}
