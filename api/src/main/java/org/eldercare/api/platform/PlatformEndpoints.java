package org.eldercare.api.platform;

/**
 * Where Kafka and Elasticsearch are: the embedded local stack's addresses in the local profile, or the
 * configured ones ({@code eldercare.kafka.bootstrap-servers}, {@code eldercare.elasticsearch.url}).
 */
public record PlatformEndpoints(String kafkaBootstrapServers, String elasticsearchUrl) {}
