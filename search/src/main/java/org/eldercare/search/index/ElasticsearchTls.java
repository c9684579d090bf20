package org.eldercare.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS trust of an Elasticsearch client: exactly the CA certificates of a PEM file. */
final class ElasticsearchTls {

    private ElasticsearchTls() {}

    /**
     * The certificates of the PEM file at {@code path}; fails naming {@code setting} when there is none or it cannot
     * be read, so a wrong path is found at start, not at the first request.
     */
    static List<Certificate> readCertificates(String setting, String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            List<Certificate> certificates =
                    new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(
                        setting + ": cannot read a PEM certificate from " + path + " (no certificate in it)");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith(setting)) {
                throw iae;
            }
            throw new IllegalArgumentException(
                    setting + ": cannot read a PEM certificate from " + path + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /** An SSL context that trusts the CA certificates of {@code pemPath} and nothing else. */
    static SSLContext trusting(String setting, String pemPath) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : readCertificates(setting, pemPath)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + ": cannot build a TLS context (" + e.getMessage() + ")", e);
        }
    }
}
