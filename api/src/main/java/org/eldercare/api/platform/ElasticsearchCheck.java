package org.eldercare.api.platform;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.eldercare.api.status.ComponentCheck;
import org.springframework.stereotype.Component;

/** Elasticsearch is up when cluster health is green or yellow (yellow is normal on one node). */
@Component
class ElasticsearchCheck implements ComponentCheck {

    private final ElasticsearchClient client;

    ElasticsearchCheck(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public State check() {
        try {
            HealthStatus status = client.cluster().health().status();
            return new State(status != HealthStatus.Red, "cluster " + status.jsonValue());
        } catch (Exception e) {
            return new State(false, "unreachable: " + e.getClass().getSimpleName());
        }
    }
}
