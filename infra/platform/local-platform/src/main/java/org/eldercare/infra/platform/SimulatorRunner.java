package org.eldercare.infra.platform;

import java.net.URI;
import org.eldercare.tools.simulator.SimulatorClient;
import org.eldercare.tools.simulator.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Feeds a simulated city through the real intake path once the web server listens, as operators'
 * systems would: HTTP batches with the operators' tokens. Off with {@code eldercare.simulator.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "eldercare.simulator.enabled", havingValue = "true")
class SimulatorRunner implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorRunner.class);

    private final Environment env;
    private SimulatorClient client;

    SimulatorRunner(Environment env) {
        this.env = env;
    }

    @EventListener
    synchronized void onWebServerReady(WebServerInitializedEvent event) {
        if (client != null) {
            return;
        }
        SimulatorConfig config = SimulatorConfig.fromProperties(env::getProperty)
                .withBaseUrl(
                        URI.create("http://127.0.0.1:" + event.getWebServer().getPort()));
        LOG.info("simulator: {}", config);
        client = new SimulatorClient(config);
        client.start();
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
