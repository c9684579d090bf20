package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.eldercare.infra.stack.SelfSignedTls;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@link AuthenticatedKafkaIT} again with the broker's client listener on SASL_SSL, its certificate
 * (for 127.0.0.1 only) made at test time: the API's clients (PKCS12 trust store) and the job's sources and sinks (the
 * certificate as PEM, as in production) connect and are authorised as before. A client that does not trust the
 * certificate, or that reaches the broker by a name the certificate does not carry, is refused in the handshake.
 */
class AuthenticatedKafkaOverTlsIT extends AuthenticatedKafkaIT {

    @Override
    boolean tls() {
        return true;
    }

    @Test
    void aClientWithoutTheTrustStoreIsRefused() {
        KafkaClientSecurity jvmTrustOnly =
                KafkaClientSecurity.scram("op-1", "op-1-password").overTls(null, null, null);
        try (Admin client = kafka.admin(jvmTrustOnly)) {
            assertThatThrownBy(() -> client.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void aClientTrustingAnotherCaIsRefused() {
        SelfSignedTls.Material other = SelfSignedTls.generate(dir.resolve("other-ca"), "other");
        KafkaClientSecurity trustsOther = KafkaClientSecurity.scram("op-1", "op-1-password")
                .overTls(other.truststore(), other.password(), "PKCS12");
        try (Admin client = kafka.admin(trustsOther)) {
            assertThatThrownBy(() -> client.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void hostnameVerificationRefusesANameTheCertificateDoesNotCarry() {
        // The right trust store, but "localhost" is not in the certificate (127.0.0.1 is its only name).
        String byName = kafka.bootstrapServers().replace("127.0.0.1", "localhost");
        try (Admin client = kafka.admin(as("op-1"), byName)) {
            assertThatThrownBy(() -> client.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }
}
