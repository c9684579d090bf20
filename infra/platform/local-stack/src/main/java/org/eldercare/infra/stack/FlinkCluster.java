package org.eldercare.infra.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink MiniCluster in this JVM (one TaskManager), with checkpoints, savepoints and temp files under
 * {@code <dataDir>/flink}. Jobs reach it through its REST endpoint, like a real session cluster.
 *
 * <p>The REST endpoint speaks mutual TLS only (docs/CONTRACT.md §6.8): at every start a new key and self-signed
 * certificate for 127.0.0.1 are made under {@code <dataDir>/flink/tls} ({@link SelfSignedTls}), the server presents it
 * and accepts only clients presenting it. This process holds it ({@link #clientConfiguration()}, {@link
 * #restSslContext()}), so the launcher submits and watches its job; a client without it, on loopback or not, cannot
 * complete a TLS handshake and so can neither submit a JobGraph ({@code POST /jobs}) nor cancel one. For a person,
 * {@code rest-client.p12} and {@code rest-client.password} beside it open the web UI (infra/platform/README.md).
 */
final class FlinkCluster implements AutoCloseable {

    private final LocalStackConfig config;
    private MiniCluster miniCluster;
    private URI restAddress;
    private SelfSignedTls.Material restTls;

    FlinkCluster(LocalStackConfig config) {
        this.config = config;
    }

    void start() throws Exception {
        // Only scratch lives in tmp (e.g. the RPC jar a killed run never removed); clear it so it cannot pile up.
        deleteContents(config.flinkDir().resolve("tmp"));
        restTls = newRestTls();
        Configuration flink = directories();
        flink.addAll(restSsl(restTls));
        flink.set(RestOptions.BIND_ADDRESS, config.bindAddress());
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.BIND_PORT, Integer.toString(config.flinkRestPort()));
        flink.set(RestOptions.PORT, config.flinkRestPort());
        // No jar upload or run over REST even for a client with the certificate (defence in depth: the runtime-web
        // module that serves /jars is not on the classpath today). The app submits its job graph through POST /jobs.
        flink.set(WebOptions.SUBMIT_ENABLE, false);
        flink.set(WebOptions.CANCEL_ENABLE, false);
        miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(flink)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(config.flinkTaskSlots())
                .build());
        miniCluster.start();
        restAddress = miniCluster.getRestAddress().get(30, TimeUnit.SECONDS);
    }

    /**
     * A new key for the REST endpoint, and a copy for a person's browser or curl: {@code rest-client.p12} with its
     * password in {@code rest-client.password}, both owner-only in an owner-only directory.
     */
    private SelfSignedTls.Material newRestTls() throws java.io.IOException {
        Path dir = config.flinkDir().resolve("tls");
        SelfSignedTls.Material tls = SelfSignedTls.generate(dir, "rest");
        Path client = dir.resolve("rest-client.p12");
        Files.copy(tls.keystore(), client, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path password = dir.resolve("rest-client.password");
        Files.deleteIfExists(password);
        Files.writeString(password, tls.password() + "\n");
        for (Path file : new Path[] {client, password, tls.keystore(), tls.truststore()}) {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        }
        return tls;
    }

    /** Mutual TLS on the REST endpoint with {@code tls}: the server's settings and a client's alike. */
    static Configuration restSsl(SelfSignedTls.Material tls) {
        Configuration ssl = new Configuration();
        ssl.set(SecurityOptions.SSL_REST_ENABLED, true);
        ssl.set(SecurityOptions.SSL_REST_AUTHENTICATION_ENABLED, true);
        ssl.set(SecurityOptions.SSL_REST_KEYSTORE, tls.keystore().toString());
        ssl.set(SecurityOptions.SSL_REST_KEYSTORE_TYPE, "PKCS12");
        ssl.set(SecurityOptions.SSL_REST_KEYSTORE_PASSWORD, tls.password());
        ssl.set(SecurityOptions.SSL_REST_KEY_PASSWORD, tls.password());
        ssl.set(SecurityOptions.SSL_REST_TRUSTSTORE, tls.truststore().toString());
        ssl.set(SecurityOptions.SSL_REST_TRUSTSTORE_TYPE, "PKCS12");
        ssl.set(SecurityOptions.SSL_REST_TRUSTSTORE_PASSWORD, tls.password());
        // Flink's default suite (TLS_RSA_WITH_AES_128_CBC_SHA) needs an RSA key and is disabled by current JDKs.
        ssl.set(SecurityOptions.SSL_PROTOCOL, "TLSv1.2");
        ssl.set(
                SecurityOptions.SSL_ALGORITHMS,
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        return ssl;
    }

    /**
     * What a client of the REST endpoint needs beyond its address: the directory settings and the client side of
     * mutual TLS. Submitting with it is the only way in.
     */
    Configuration clientConfiguration() throws java.io.IOException {
        Configuration client = directories();
        client.addAll(restSsl(restTls));
        return client;
    }

    /** TLS for an HTTP client of the REST endpoint (e.g. a benchmark reading checkpoint statistics). */
    javax.net.ssl.SSLContext restSslContext() {
        return restTls.clientContext();
    }

    /** The REST endpoint's TLS material; tests use it to show who is refused. */
    SelfSignedTls.Material restTlsMaterial() {
        return restTls;
    }

    /** The directory settings shared by the cluster and the jobs submitted to it. */
    Configuration directories() throws java.io.IOException {
        Path dir = config.flinkDir();
        for (String sub : new String[] {"checkpoints", "savepoints", "tmp"}) {
            OwnerOnly.directory(dir.resolve(sub));
        }
        Configuration flink = new Configuration();
        flink.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                dir.resolve("checkpoints").toUri().toString());
        flink.set(
                CheckpointingOptions.SAVEPOINT_DIRECTORY,
                dir.resolve("savepoints").toUri().toString());
        flink.set(CoreOptions.TMP_DIRS, dir.resolve("tmp").toString());
        return flink;
    }

    private static void deleteContents(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    MiniCluster miniCluster() {
        return miniCluster;
    }

    URI restAddress() {
        return restAddress;
    }

    StreamExecutionEnvironment environment() {
        try {
            Configuration client = clientConfiguration();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
                    restAddress.getHost(), restAddress.getPort(), client);
            env.setParallelism(config.flinkParallelism());
            return env;
        } catch (java.io.IOException e) {
            throw new LocalStackException("flink: cannot create " + config.flinkDir(), e);
        }
    }

    boolean healthy() {
        return miniCluster != null && miniCluster.isRunning();
    }

    @Override
    public void close() throws Exception {
        if (miniCluster != null) {
            miniCluster.close();
        }
    }
}
