package org.eldercare.api.system;

/** A resource the caller asked for does not exist; the message names it. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
