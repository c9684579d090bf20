package org.eldercare.streaming.caregiver;

/** A change to one facility's caregiver counts, produced by the {@link CaregiverRegistry}. */
public record CaregiverDelta(String facilityId, int caregivers, int certified, int onDuty) {}
