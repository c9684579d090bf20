package org.eldercare.infra.platform;

import java.time.Duration;
import java.time.Instant;
import org.eldercare.api.system.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** When the local platform is ready, says where the portal is and which demo tokens open it. */
@Component
@ConditionalOnProperty(name = "eldercare.local-stack.enabled", havingValue = "true")
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment env;
    private final SecurityProperties security;

    StartupBanner(Environment env, SecurityProperties security) {
        this.env = env;
        this.security = security;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        long startedMs =
                event.getTimeTaken() == null ? -1 : event.getTimeTaken().toMillis();
        StringBuilder text = new StringBuilder("\n\n  eldercare is ready");
        if (startedMs >= 0) {
            text.append(" (started in ")
                    .append(Duration.ofMillis(startedMs).toSeconds())
                    .append(" s)");
        }
        text.append("\n  portal:  http://127.0.0.1:")
                .append(port)
                .append("/")
                .append("\n  API doc: http://127.0.0.1:")
                .append(port)
                .append("/swagger-ui/index.html")
                .append("\n  health:  http://127.0.0.1:")
                .append(port)
                .append("/actuator/health")
                .append("\n  demo tokens (Authorization: Bearer <token>):");
        security.tokens()
                .forEach(t -> text.append("\n    ")
                        .append(String.format(
                                "%-16s %-8s %s", t.token(), t.role(), t.operatorId() == null ? "" : t.operatorId())));
        text.append("\n  data dir: ")
                .append(env.getProperty("eldercare.data-dir"))
                .append("   (Ctrl-C stops everything)\n");
        LOG.info(text.toString());
        LOG.debug("ready at {}", Instant.now());
    }
}
