package org.eldercare.api.platform;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eldercare.api.status.ComponentCheck;

/** Kafka is up when the cluster answers a describe within two seconds. */
class KafkaCheck implements ComponentCheck {

    private final Admin admin;
    private final String bootstrap;

    KafkaCheck(Admin admin, String bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public State check() {
        try {
            int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
            return new State(nodes > 0, nodes + " broker(s) at " + bootstrap);
        } catch (Exception e) {
            return new State(
                    false, "unreachable at " + bootstrap + ": " + e.getClass().getSimpleName());
        }
    }
}
