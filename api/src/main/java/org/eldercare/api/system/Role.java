package org.eldercare.api.system;

/**
 * The four roles of docs/CONTRACT.md §1, and {@code MONITOR} (§6.4): health details and metrics, nothing of the API.
 * Every token has exactly one.
 */
public enum Role {
    OPERATOR,
    PLANNER,
    HOTLINE,
    ADMIN,
    MONITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
