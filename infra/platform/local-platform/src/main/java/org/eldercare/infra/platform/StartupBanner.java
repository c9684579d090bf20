package org.eldercare.infra.platform;

import java.time.Duration;
import java.time.Instant;
import org.eldercare.api.system.TokenRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When the local platform is ready, says where the portal is and who may open it: every principal's name and role,
 * and a token's value only when it is one of the public demo tokens of docs/CONTRACT.md §1 (local profile). A token
 * of one's own (a tokens file, the environment) is never printed.
 */
@Component
@ConditionalOnProperty(name = "eldercare.local-stack.enabled", havingValue = "true")
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment env;
    private final TokenRegistry tokens;

    StartupBanner(Environment env, TokenRegistry tokens) {
        this.env = env;
        this.tokens = tokens;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        LOG.info(text(event));
        LOG.debug("ready at {}", Instant.now());
    }

    String text(ApplicationReadyEvent event) {
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
                .append("\n  tokens (Authorization: Bearer <token>; demo tokens of docs/CONTRACT.md §1 shown):");
        tokens.principals()
                .forEach(p -> text.append("\n    ")
                        .append(String.format(
                                        "%-16s %-12s %-8s %s",
                                        p.demoToken() == null ? "(not shown)" : p.demoToken(),
                                        p.name(),
                                        p.role(),
                                        p.operatorId() == null ? "" : p.operatorId())
                                .stripTrailing()));
        text.append("\n  data dir: ")
                .append(env.getProperty("eldercare.data-dir"))
                .append("   (Ctrl-C stops everything)\n");
        return text.toString();
    }
}
