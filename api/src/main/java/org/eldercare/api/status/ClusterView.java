package org.eldercare.api.status;

import java.util.Map;

/**
 * A stream-processing cluster as {@code GET /api/v1/status} shows it under {@code flink} (docs/CONTRACT.md §6.10):
 * its TaskManagers with their slots and its jobs with their states, or {@code error} when it cannot be read.
 */
public interface ClusterView {

    Map<String, Object> view();
}
