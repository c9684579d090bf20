package org.eldercare.search.index;

/** One configuration key with its default and what it controls, so configuration documents itself. */
public record Setting(String key, String defaultValue, String description) {}
