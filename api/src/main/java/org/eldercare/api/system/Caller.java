package org.eldercare.api.system;

/**
 * Who is calling: the principal behind a bearer token. {@code operatorId} is set for operators only.
 */
public record Caller(String name, Role role, String operatorId) {

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** The CloudEvents {@code source} an operator must use. */
    public String operatorSource() {
        return "/operators/" + operatorId;
    }
}
