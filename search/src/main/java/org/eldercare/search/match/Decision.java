package org.eldercare.search.match;

/** How sure a match candidate is: {@code MATCH} means "this is the person", {@code POSSIBLE} asks a human. */
public enum Decision {
    MATCH,
    POSSIBLE
}
