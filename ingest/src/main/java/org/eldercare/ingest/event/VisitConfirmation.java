package org.eldercare.ingest.event;

/** How a home visit was confirmed at the door (docs/CONTRACT.md §9.3). */
public enum VisitConfirmation {
    /** 门口刷卡. */
    CARD_SWIPE,
    /** 手机定位签到: the caregiver's check-in page; needs a location. */
    PHONE_LOCATION,
    /** 签字确认. */
    SIGNATURE,
    /** 人脸识别. */
    FACE
}
