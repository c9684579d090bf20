package org.eldercare.search.register;

/** A label that holds for a person, with the evidence it came from, in words a reviewer can check. */
public record Label(CareLabel label, String evidence) {}
