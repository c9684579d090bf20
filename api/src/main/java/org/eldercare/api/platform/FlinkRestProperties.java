package org.eldercare.api.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Flink cluster whose TaskManagers and jobs {@code GET /api/v1/status} lists (docs/CONTRACT.md §6.10). Unset
 * {@code restUrl}: no cluster is read (production reads Flink through its own tools; the local run has its own check).
 *
 * @param restUrl the JobManager's REST endpoint, e.g. {@code https://127.0.0.1:8081}
 * @param restKeystore a PKCS12 store holding the client key and the certificate to trust, for the endpoint's mutual
 *     TLS; none for a plain {@code http} endpoint
 * @param restKeystorePassword its password, from the environment ({@code ELDERCARE_FLINK_RESTKEYSTOREPASSWORD})
 */
@ConfigurationProperties("eldercare.flink")
public record FlinkRestProperties(String restUrl, Path restKeystore, String restKeystorePassword) {

    public FlinkRestProperties {
        if (restUrl != null && !restUrl.isBlank() && !restUrl.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException(
                    "eldercare.flink.rest-url: must be http(s)://host:port with no path, was " + restUrl);
        }
        if (restKeystore != null && (restKeystorePassword == null || restKeystorePassword.isEmpty())) {
            throw new IllegalArgumentException("eldercare.flink.rest-keystore-password: must be set with"
                    + " eldercare.flink.rest-keystore (ELDERCARE_FLINK_RESTKEYSTOREPASSWORD)");
        }
    }

    @Override
    public String toString() {
        return "FlinkRestProperties[restUrl=" + restUrl + ", restKeystore=" + restKeystore + ", password redacted]";
    }
}
