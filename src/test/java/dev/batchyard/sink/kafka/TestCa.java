package dev.batchyard.sink.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority for the TLS tests, made with the JDK's {@code keytool}: the
 * CA, a broker certificate for {@code 127.0.0.1}/{@code localhost} in a PKCS#12 keystore, a
 * truststore holding the CA (the broker checks client certificates against it), and a client
 * certificate and key as PEM files, the way an operator hands them to {@code tls.cert_file} and
 * {@code tls.key_file}. A second, unrelated CA ({@link #strangerCaPem}) is one the broker's
 * certificate does not chain to.
 */
record TestCa(Path dir) {
    static final String PASSWORD = "test-store-password";

    static TestCa create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestCa ca = new TestCa(dir);
        ca.keypair("ca.p12", "ca", "CN=Batchyard Test CA", "bc:c");
        ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.path("ca.p12"), "-file", ca.path("ca.pem"));
        ca.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.path("ca.pem"), "-keystore", ca.path("trust.p12"));
        ca.signed("broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        ca.signed("client", "CN=batchyard-client", null);
        ca.pemKeyAndChain("client");
        ca.keypair("stranger.p12", "stranger", "CN=Some Other CA", "bc:c");
        ca.keytool("-exportcert", "-rfc", "-alias", "stranger", "-keystore", ca.path("stranger.p12"), "-file",
                ca.path("stranger-ca.pem"));
        return ca;
    }

    /**
     * One self-signed certificate and its key as {@code <name>-cert.pem} and {@code <name>-key.pem}
     * in {@code dir}: one keytool run, for tests that need a real certificate but no CA.
     */
    static TestCa selfSigned(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestCa ca = new TestCa(dir);
        ca.keypair(name + ".p12", name, "CN=" + name, null);
        ca.pemKeyAndChain(name);
        return ca;
    }

    Path caPem() {
        return dir.resolve("ca.pem");
    }

    Path strangerCaPem() {
        return dir.resolve("stranger-ca.pem");
    }

    Path clientCertPem() {
        return dir.resolve("client-cert.pem");
    }

    Path clientKeyPem() {
        return dir.resolve("client-key.pem");
    }

    Path brokerKeystore() {
        return dir.resolve("broker.p12");
    }

    Path truststore() {
        return dir.resolve("trust.p12");
    }

    private void keypair(String store, String alias, String dname, String ext) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", dname, "-validity", "3", "-keystore", path(store)));
        if (ext != null) {
            args.addAll(List.of("-ext", ext));
        }
        keytool(args.toArray(String[]::new));
    }

    /** A key pair in {@code <name>.p12} whose certificate the CA signed, chain imported. */
    private void signed(String name, String dname, String san) throws IOException, InterruptedException {
        String store = name + ".p12";
        keypair(store, name, dname, null);
        keytool("-certreq", "-alias", name, "-keystore", path(store), "-file", path(name + ".csr"));
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", path("ca.p12"),
                "-infile", path(name + ".csr"), "-outfile", path(name + ".crt"), "-rfc", "-validity", "3"));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", path("ca.pem"), "-keystore", path(store));
        keytool("-importcert", "-alias", name, "-file", path(name + ".crt"), "-keystore", path(store));
    }

    /** The certificate chain of {@code alias} in a PKCS#12 store of this CA, as a PEM file. */
    static void pemChain(Path store, String alias, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            StringBuilder chain = new StringBuilder();
            for (Certificate c : ks.getCertificateChain(alias)) {
                chain.append(pem("CERTIFICATE", c.getEncoded()));
            }
            Files.writeString(to, chain);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot export the chain of " + alias + ": " + e, e);
        }
    }

    private void pemKeyAndChain(String name) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            Key key = ks.getKey(name, PASSWORD.toCharArray());
            Files.writeString(dir.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            StringBuilder chain = new StringBuilder();
            for (Certificate c : ks.getCertificateChain(name)) {
                chain.append(pem("CERTIFICATE", c.getEncoded()));
            }
            Files.writeString(dir.resolve(name + "-cert.pem"), chain);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot export the " + name + " key as PEM: " + e, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
