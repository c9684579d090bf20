package org.eldercare.ingest.event;

/** The four kinds of care facility named by the district plans. */
public enum FacilityKind {
    /** 养老照料中心: street-level care center. */
    CARE_CENTER,
    /** 社区养老服务驿站: community care station. */
    CARE_STATION,
    /** 养老机构: residential institution. */
    INSTITUTION,
    /** 老年餐桌: meal table. */
    MEAL_TABLE
}
