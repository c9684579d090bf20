package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client sends the configured API key and trusts exactly the configured CA, against a real TLS server with its
 * own certificate (made by the JDK's keytool). The embedded Elasticsearch node runs without security, so this
 * stands in for a secured cluster: what is checked is what the client puts on the wire.
 */
class ElasticsearchClientSecurityTest {

    @TempDir
    static Path dir;

    static HttpsServer server;
    static Path caPem;
    static final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startATlsServerWithItsOwnCa() throws Exception {
        Path keystore = dir.resolve("node.p12");
        caPem = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "node",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "node",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                caPem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void sendsTheApiKeyOverTlsTrustingTheConfiguredCa() throws Exception {
        ElasticsearchConfig config = ElasticsearchConfig.from(Map.of(
                "eldercare.elasticsearch.url", url(),
                "eldercare.elasticsearch.api-key", "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
                "eldercare.elasticsearch.ca-certificate", caPem.toString())::get);
        authorizations.clear();

        ElasticsearchClient client = Elasticsearch.client(config);
        try {
            assertThat(client.ping().value()).isTrue();
        } finally {
            client._transport().close();
        }

        assertThat(authorizations)
                .containsExactly("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
        assertThat(config.toString()).doesNotContain("VnVhQ2ZH").contains("api-key=(redacted)");
    }

    @Test
    void sendsBasicAuthenticationWhenAUserIsConfigured() throws Exception {
        ElasticsearchConfig config = ElasticsearchConfig.from(Map.of(
                "eldercare.elasticsearch.url",
                url(),
                "eldercare.elasticsearch.username",
                "eldercare-app",
                "eldercare.elasticsearch.password",
                "pw",
                "eldercare.elasticsearch.ca-certificate",
                caPem.toString())::get);
        authorizations.clear();

        ElasticsearchClient client = Elasticsearch.client(config);
        try {
            client.ping();
        } finally {
            client._transport().close();
        }

        assertThat(authorizations).containsExactly("Basic ZWxkZXJjYXJlLWFwcDpwdw==");
    }

    @Test
    void doesNotTrustTheClusterWithoutItsCa() throws Exception {
        ElasticsearchClient client = Elasticsearch.client(ElasticsearchConfig.forUrl(url()));
        try {
            assertThatThrownBy(client::ping).hasStackTraceContaining("PKIX");
        } finally {
            client._transport().close();
        }
    }

    @Test
    void refusesEachBadSettingNamingIt() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> ElasticsearchConfig.from(Map.of(
                        "eldercare.elasticsearch.username", "app",
                        "eldercare.elasticsearch.password", "pw",
                        "eldercare.elasticsearch.api-key", "k")::get))
                .hasMessage("eldercare.elasticsearch.api-key: must not be set together with username (choose one way"
                        + " to authenticate)");
        assertThatThrownBy(() -> ElasticsearchConfig.from(
                        Map.of("eldercare.elasticsearch.ca-certificate", caPem.toString())::get))
                .hasMessage("eldercare.elasticsearch.ca-certificate: needs an https url");
        assertThatThrownBy(() -> ElasticsearchConfig.from(Map.of(
                        "eldercare.elasticsearch.url", url(),
                        "eldercare.elasticsearch.ca-certificate", notPem.toString())::get))
                .hasMessageStartingWith(
                        "eldercare.elasticsearch.ca-certificate: cannot read a PEM certificate from " + notPem);
        assertThatThrownBy(
                        () -> ElasticsearchConfig.from(Map.of(
                                "eldercare.elasticsearch.url",
                                url(),
                                "eldercare.elasticsearch.ca-certificate",
                                "/nope/ca.pem")::get))
                .hasMessage("eldercare.elasticsearch.ca-certificate: cannot read a PEM certificate from /nope/ca.pem"
                        + " (NoSuchFileException)");
        assertThatThrownBy(() -> ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.password", "pw")::get))
                .hasMessage("eldercare.elasticsearch.username: must be set when password is");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
