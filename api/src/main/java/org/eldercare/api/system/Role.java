package org.eldercare.api.system;

/** The four roles of CONTRACT §1; every token has exactly one. */
public enum Role {
    OPERATOR,
    PLANNER,
    HOTLINE,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
