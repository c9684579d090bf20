package org.eldercare.infra.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material made on this machine: one EC key with a self-signed certificate for {@code 127.0.0.1} (its only subject
 * alternative name; usable to serve and to authenticate a client), made by the JDK's {@code keytool}, and a trust
 * store holding that certificate alone. Whoever trusts the trust store trusts this one key and nothing else: nothing
 * is downloaded and no public CA is involved. Every file is in an owner-only directory; the password of the stores
 * lives only in the returned object (a caller that must hand it on writes it to an owner-only file itself).
 *
 * <ul>
 *   <li>{@link Material#keystore()}: PKCS12 with the key and its certificate (alias {@code node}) and the same
 *       certificate as a trusted entry (alias {@code ca}), so one file can be a process's key and trust store;
 *   <li>{@link Material#truststore()}: PKCS12 with the certificate alone, as a trusted entry;
 *   <li>{@link Material#caCertificate()}: the certificate as PEM.
 * </ul>
 */
public final class SelfSignedTls {

    private static final String VALIDITY_DAYS = "365";

    private SelfSignedTls() {}

    /** The stores in a directory and the one password that opens them. */
    public record Material(Path keystore, Path truststore, Path caCertificate, String password) {

        /** TLS for a client: trusts only this certificate and presents the key of {@link #keystore()}. */
        public SSLContext clientContext() {
            try {
                KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                km.init(load(keystore, password), password.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(km.getKeyManagers(), trustManagers(), new SecureRandom());
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new LocalStackException("tls: cannot load " + keystore + ": " + e.getMessage(), e);
            }
        }

        /** TLS for a client that trusts this certificate but has no key of its own to present. */
        public SSLContext trustingContext() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trustManagers(), new SecureRandom());
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new LocalStackException("tls: cannot load " + truststore + ": " + e.getMessage(), e);
            }
        }

        private TrustManager[] trustManagers() throws IOException, GeneralSecurityException {
            TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tm.init(load(truststore, password));
            return tm.getTrustManagers();
        }

        @Override
        public String toString() {
            return "SelfSignedTls.Material[keystore=" + keystore + ", truststore=" + truststore
                    + ", password=(redacted)]";
        }
    }

    /**
     * Makes a new key and self-signed certificate for {@code 127.0.0.1}, named after {@code name}, in {@code dir}
     * (created owner-only; the files of an earlier call are replaced, with a new password).
     */
    public static Material generate(Path dir, String name) {
        try {
            OwnerOnly.directory(dir);
            String password = HexFormat.of().formatHex(randomBytes(18));
            Path keystore = dir.resolve(name + "-keystore.p12");
            Path truststore = dir.resolve(name + "-truststore.p12");
            Path certificatePem = dir.resolve(name + "-ca.crt");
            for (Path p : List.of(keystore, truststore, certificatePem)) {
                Files.deleteIfExists(p);
            }
            // One keytool run (a JVM start each): the JDK has no public API to sign a certificate.
            keytool(
                    password,
                    "-genkeypair",
                    "-alias",
                    "node",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=127.0.0.1, O=eldercare " + name,
                    "-ext",
                    "SAN=ip:127.0.0.1",
                    "-ext",
                    "eku=serverAuth,clientAuth",
                    "-validity",
                    VALIDITY_DAYS,
                    "-keystore",
                    keystore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass:env",
                    "KEYTOOL_PASSWORD",
                    "-keypass:env",
                    "KEYTOOL_PASSWORD");
            KeyStore keys = load(keystore, password);
            Certificate certificate = keys.getCertificate("node");
            keys.setCertificateEntry("ca", certificate);
            store(keys, keystore, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", certificate);
            store(trust, truststore, password);
            Files.writeString(
                    certificatePem,
                    "-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                            + "\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
            return new Material(keystore, truststore, certificatePem, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalStackException("tls: cannot write TLS material to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path store, String password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static void store(KeyStore ks, Path file, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
    }

    private static void keytool(String password, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // A short-lived tool: no JIT tiers worth waiting for.
        command.add("-J-XX:TieredStopAtLevel=1");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The password reaches keytool on its environment, not its command line (where `ps` would show it).
        builder.environment().put("KEYTOOL_PASSWORD", password);
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            int status = process.waitFor();
            if (status != 0) {
                throw new LocalStackException(
                        "tls: keytool " + args[0] + " failed (" + status + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("tls: interrupted while running keytool", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
