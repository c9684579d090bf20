package org.eldercare.ingest.event;

/**
 * The {@code dispatchedTo} of {@code incident.dispatched}.
 *
 * @param facilityId set exactly when {@code kind} is {@link DispatchKind#FACILITY}
 */
public record DispatchTarget(DispatchKind kind, String facilityId) {}
