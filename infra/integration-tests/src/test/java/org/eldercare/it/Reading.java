package org.eldercare.it;

/** A document the sink tests write: {@code version} tells which run wrote it. */
public record Reading(String id, int version, long sequence) {}
