package org.eldercare.api.status;

/** One part of the platform that can tell whether it is up: Kafka, Elasticsearch, the streaming jobs. */
public interface ComponentCheck {

    String name();

    /** {@code UP} or {@code DOWN}, with a short human detail. */
    State check();

    record State(boolean up, String detail) {
        public String status() {
            return up ? "UP" : "DOWN";
        }
    }
}
