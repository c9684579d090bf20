package org.eldercare.infra.stack;

/** The local stack could not start or a node misbehaved; the message says which node and where its logs are. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
