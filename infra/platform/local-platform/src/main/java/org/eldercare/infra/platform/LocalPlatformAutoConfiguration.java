package org.eldercare.infra.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Brings the local platform into the API's application context when this module is on the classpath (listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}). Each part keeps its own
 * switch, all set by the {@code local} profile ({@code application-local.yml}): {@code eldercare.local-stack.enabled}
 * starts the embedded stack and the streaming jobs, {@code eldercare.simulator.enabled} the city simulator.
 * The production API ({@code api/target/eldercare-api.jar}) carries none of it.
 */
@AutoConfiguration
@Import({LocalStackConfiguration.class, StartupBanner.class, SimulatorRunner.class})
public class LocalPlatformAutoConfiguration {}
