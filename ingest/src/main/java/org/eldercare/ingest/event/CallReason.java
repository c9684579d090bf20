package org.eldercare.ingest.event;

/** Why someone called the hotline (docs/CONTRACT.md §10.2). */
public enum CallReason {
    /** 服务申请: the call becomes a work order. */
    REQUEST,
    /** 咨询 */
    INQUIRY,
    /** 投诉 */
    COMPLAINT,
    /** 紧急求助 */
    EMERGENCY,
    OTHER
}
