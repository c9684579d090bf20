package org.eldercare.ingest.event;

/**
 * What a caller asks the hotline for, the {@code requestType} of a work order (docs/CONTRACT.md §10.2). The service
 * types of {@code service.delivered} and {@code MEDICAL_ESCORT} (陪同就医), which a record of the delivery may file
 * under {@code OTHER}.
 */
public enum RequestType {
    /** 助餐 */
    MEAL,
    /** 助浴 */
    BATHING,
    /** 助洁 */
    CLEANING,
    /** 陪同就医 */
    MEDICAL_ESCORT,
    HEALTH_CHECK,
    REHAB,
    COMPANIONSHIP,
    DAY_CARE,
    OTHER
}
