package org.eldercare.ingest.region;

/** The administrative form of a street-level unit, as the NBS codes distinguish them. */
enum StreetKind {
    /** 街道办事处. */
    STREET,
    /** 地区办事处, sharing one administration with the town of the same name (王平地区 = 王平镇). */
    AREA,
    /** 镇 or 乡. */
    TOWN,
    /** A statistical zone (development zone, airport) that is not a 街乡 and has few residents. */
    ZONE
}
