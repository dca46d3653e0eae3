package io.kafkafailover.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;

/**
 * Makes {@link TlsMaterial}: a throwaway CA that signs a server and a client certificate.
 *
 * <p>The JDK has no public API to build certificates, so the JDK's own {@code keytool} signs them
 * (its {@code -genkeypair -signer} issues a certificate from a CA in the same keystore). Everything
 * after that - splitting the entries into separate PKCS12/JKS stores and writing PEM - is plain
 * {@code java.security}, which needs no openssl and spawns no further processes.
 */
public final class TlsMaterialGenerator {

    private static final String CA_ALIAS = "ca";
    private static final String SERVER_ALIAS = "server";
    private static final String CLIENT_ALIAS = "client";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private static TlsMaterial shared;

    private TlsMaterialGenerator() {
    }

    /**
     * One set of material per JVM, made on first use in a temporary directory that is deleted on
     * exit: generating costs a few keytool runs, which test classes need not each pay for.
     */
    public static synchronized TlsMaterial shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("kafka-failover-tls-");
                shared = generate(directory);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(directory), "shared-tls-material-cleanup"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Writes fresh material into {@code directory} (created if missing) with a random password. */
    public static TlsMaterial generate(Path directory) {
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        return generate(directory, HexFormat.of().formatHex(secret));
    }

    public static TlsMaterial generate(Path directory, String password) {
        try {
            Files.createDirectories(directory);
            Path work = directory.resolve("ca-and-leaves.p12");
            genkeypair(work, password, CA_ALIAS, "CN=kafka-failover test CA",
                    "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign");
            // Both leaves are signed by the CA in one keystore; PKCS12 keystores don't take concurrent writers.
            genkeypair(work, password, SERVER_ALIAS, "CN=localhost",
                    "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth,clientAuth",
                    "-ext", "ku:c=digitalSignature,keyEncipherment", "-signer", CA_ALIAS, "-signerkeypass", password);
            genkeypair(work, password, CLIENT_ALIAS, "CN=kafka-client",
                    "-ext", "eku=clientAuth", "-ext", "ku:c=digitalSignature,keyEncipherment",
                    "-signer", CA_ALIAS, "-signerkeypass", password);
            return split(directory, work, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write TLS material to " + directory, e);
        }
    }

    private static TlsMaterial split(Path directory, Path work, String password) throws IOException, GeneralSecurityException {
        char[] secret = password.toCharArray();
        KeyStore all = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(work)) {
            all.load(in, secret);
        }
        Certificate ca = all.getCertificate(CA_ALIAS);
        Path caPem = writePem(directory.resolve("ca.crt"), List.of(ca));
        Path truststoreP12 = directory.resolve("truststore.p12");
        Path truststoreJks = directory.resolve("truststore.jks");
        for (String type : List.of("PKCS12", "JKS")) {
            KeyStore truststore = emptyStore(type);
            truststore.setCertificateEntry(CA_ALIAS, ca);
            store(truststore, type.equals("JKS") ? truststoreJks : truststoreP12, secret);
        }
        TlsMaterial.Identity server = identity(directory, all, SERVER_ALIAS, ca, secret);
        TlsMaterial.Identity client = identity(directory, all, CLIENT_ALIAS, ca, secret);
        Files.delete(work); // it holds the CA's private key, which no test should ever need
        return new TlsMaterial(directory, password, caPem, truststoreP12, truststoreJks, server, client);
    }

    private static TlsMaterial.Identity identity(Path directory, KeyStore all, String alias, Certificate ca, char[] secret)
            throws IOException, GeneralSecurityException {
        Key key = all.getKey(alias, secret);
        List<Certificate> chain = new ArrayList<>(List.of(all.getCertificateChain(alias)));
        if (chain.size() == 1) {
            chain.add(ca); // keytool stores the chain on most JDKs; make sure clients can build it anyway
        }
        Certificate[] chainArray = chain.toArray(Certificate[]::new);
        Path p12 = directory.resolve(alias + ".p12");
        Path jks = directory.resolve(alias + ".jks");
        for (String type : List.of("PKCS12", "JKS")) {
            KeyStore keystore = emptyStore(type);
            keystore.setKeyEntry(alias, key, secret, chainArray);
            store(keystore, type.equals("JKS") ? jks : p12, secret);
        }
        Path certificatePem = writePem(directory.resolve(alias + ".crt"), chain);
        Path privateKeyPem = directory.resolve(alias + ".key");
        // PrivateKey.getEncoded() of an RSA key from a PKCS12 store is PKCS#8 DER, the form Kafka's PEM support reads.
        Files.writeString(privateKeyPem, pem("PRIVATE KEY", ((PrivateKey) key).getEncoded()), StandardCharsets.US_ASCII);
        return new TlsMaterial.Identity(alias, p12, jks, certificatePem, privateKeyPem);
    }

    private static KeyStore emptyStore(String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        return store;
    }

    private static void store(KeyStore store, Path path, char[] secret) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, secret);
        }
    }

    private static Path writePem(Path path, List<Certificate> certificates) throws IOException, GeneralSecurityException {
        StringBuilder text = new StringBuilder();
        for (Certificate certificate : certificates) {
            text.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        Files.writeString(path, text, StandardCharsets.US_ASCII);
        return path;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** An RSA key pair with a certificate, self-signed or issued by {@code -signer}, in a PKCS12 keystore. */
    private static void genkeypair(Path keystore, String password, String alias, String distinguishedName,
                                   String... extraArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", alias, "-dname", distinguishedName, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read output concurrently so a chatty keytool can never block on a full pipe.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool -genkeypair " + alias + " timed out");
            }
            if (process.exitValue() != 0) {
                // The output names the failing option; it never echoes the passwords given as arguments.
                throw new IOException("keytool -genkeypair " + alias + " failed (" + process.exitValue() + "): " + output.join());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException ignored) {
            // a leftover temp directory of throwaway certificates harms nobody
        }
    }

    private static String readAll(Process process) {
        try (InputStream in = process.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
