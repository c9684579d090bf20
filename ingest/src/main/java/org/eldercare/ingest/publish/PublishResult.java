package org.eldercare.ingest.publish;

import java.time.Duration;

/** Every record of a batch was acknowledged by all in-sync replicas. */
public record PublishResult(int acknowledged, Duration took) {}
