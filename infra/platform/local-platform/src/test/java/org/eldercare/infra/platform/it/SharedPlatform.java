package org.eldercare.infra.platform.it;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eldercare.api.EldercareApplication;
import org.eldercare.infra.stack.LocalStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One embedded platform (Kafka, Elasticsearch, the Flink MiniCluster with the jobs, the API) for every IT class of the
 * failsafe JVM that declares {@code @ExtendWith(SharedPlatform.class)}. Starting a platform costs about half a minute
 * of a loaded 2-core machine, so it starts once, when the first such class starts, lives in the root
 * {@link ExtensionContext.Store} and is closed when the whole run ends. {@link SharedPlatformLast} runs these classes
 * after every other, so that it is not idling beside the ITs that start platforms of their own.
 *
 * <p>A class gets the platform as a {@link RunningPlatform} parameter of a {@code @BeforeAll} or {@code @BeforeEach}
 * method. The classes keep out of each other's way through their data, never through the platform: each has its
 * own street (and facility, person and operator record ids), and a class that reads a figure of the whole district
 * reads it before it sends and expects its own events on top. Nothing may change this platform's configuration:
 * a test that needs other settings, a restart, or a district to itself starts its own platform (see the module
 * README).
 *
 * <p>The configuration is the union of what the sharing classes need: {@link EmbeddedPlatform}'s, a non-demo HMAC key
 * and PII keyring ({@code PiiKeysIT}, docs/CONTRACT.md §6.7), a public-finder limit per address low enough for
 * {@code PhoneFinderBrowserIT} to cross it, and a family-view limit high enough for {@code FamilyPhoneBrowserIT}'s
 * polling.
 */
public final class SharedPlatform implements BeforeAllCallback, ParameterResolver {

    /** The API's HMAC key, which the launcher must hand to the job. */
    public static final String HMAC_KEY = "it-hmac-" + UUID.randomUUID();
    /** The API's PII keyring: one random AES-256 key named {@code it1}. */
    public static final String PII_KEYS = "it1:" + Base64.getEncoder().encodeToString(random32());

    /** The public finder's limit per client address; 2/s with a burst of 40 lets a phone page through, not a burst. */
    public static final Map<String, String> PUBLIC_FINDER_LIMIT = Map.of(
            "eldercare.limits.public-finder.requests-per-second", "2",
            "eldercare.limits.public-finder.burst", "40",
            "eldercare.limits.public-finder.concurrent", "8");

    /** The family view's limit per client address: {@code FamilyPhoneBrowserIT} polls it while the job catches up. */
    public static final Map<String, String> FAMILY_LIMIT = Map.of(
            "eldercare.limits.family.requests-per-second", "5",
            "eldercare.limits.family.burst", "200");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    private static RunningPlatform platform(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class)
                .platform();
    }

    /** The platform, or why it did not start: a failed start is not retried by every later class. */
    private record Started(RunningPlatform running, RuntimeException failure) implements AutoCloseable {

        static Started start() {
            try {
                return new Started(RunningPlatform.start(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            } catch (Exception e) {
                return new Started(null, new IllegalStateException("the shared platform did not start", e));
            }
        }

        RunningPlatform platform() {
            if (failure != null) {
                throw new IllegalStateException("the shared platform did not start", failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }

    /** The running shared platform: its HTTP port and its embedded stack. */
    public static final class RunningPlatform implements AutoCloseable {

        private final ConfigurableApplicationContext context;
        private final int port;

        private RunningPlatform(ConfigurableApplicationContext context) {
            this.context = context;
            this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        static RunningPlatform start() throws Exception {
            List<String> args = new ArrayList<>();
            args.add("--server.port=0");
            EmbeddedPlatform.properties("shared-it").forEach((key, value) -> args.add("--" + key + "=" + value));
            args.add("--eldercare.security.hmac-key=" + HMAC_KEY);
            args.add("--eldercare.security.pii-keys=" + PII_KEYS);
            PUBLIC_FINDER_LIMIT.forEach((key, value) -> args.add("--" + key + "=" + value));
            FAMILY_LIMIT.forEach((key, value) -> args.add("--" + key + "=" + value));
            // The test profile, as @SpringBootTest @ActiveProfiles("test") gave each class: the demo tokens.
            return new RunningPlatform(new SpringApplicationBuilder(EldercareApplication.class)
                    .profiles("test")
                    .run(args.toArray(String[]::new)));
        }

        public int port() {
            return port;
        }

        public LocalStack stack() {
            return context.getBean(LocalStack.class);
        }

        public PlatformClient client() {
            return new PlatformClient(port);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static byte[] random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
