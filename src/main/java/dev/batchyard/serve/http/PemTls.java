package dev.batchyard.serve.http;

import dev.batchyard.engine.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS identity from the PEM files most tools write ({@code serve.tls.cert_file},
 * {@code key_file}): a certificate chain, leaf first, and its private key as PKCS #8
 * ({@code BEGIN PRIVATE KEY}: {@code openssl genpkey}, cert-manager, most ACME clients) or, for
 * RSA, PKCS #1 ({@code BEGIN RSA PRIVATE KEY}). An encrypted key, or a key in another form, is
 * refused naming the file and the {@code openssl} command that converts it. The key file is warned
 * about when others may read it. Stateless.
 */
final class PemTls {
    private static final Logger LOG = LoggerFactory.getLogger(PemTls.class);
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final String CONVERT = "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem";

    private PemTls() {
    }

    static SSLContext context(Path certFile, Path keyFile) {
        Certificate[] chain = chain(certFile);
        PrivateKey key = key(keyFile, (X509Certificate) chain[0]);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("batchyard", key, none, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException("serve.tls", certFile + ", " + keyFile,
                    "cannot be used as the server's TLS identity: " + e.getMessage());
        }
    }

    private static Certificate[] chain(Path file) {
        try (var in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new ConfigException("serve.tls.cert_file", file.toString(), "holds no PEM certificate");
            }
            return certs.toArray(Certificate[]::new);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("serve.tls.cert_file", file.toString(),
                    "must hold PEM certificates (BEGIN CERTIFICATE), leaf first: " + e.getMessage());
        }
    }

    private static PrivateKey key(Path file, X509Certificate leaf) {
        warnIfShared(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException("serve.tls.key_file", file.toString(), "cannot be read: " + e);
        }
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new ConfigException("serve.tls.key_file", file.toString(), "holds no PEM private key (BEGIN PRIVATE KEY)");
        }
        String type = m.group(1);
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        byte[] pkcs8 = switch (type) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> Pkcs1.toPkcs8(der);
            case "ENCRYPTED PRIVATE KEY" -> throw new ConfigException("serve.tls.key_file", file.toString(),
                    "is encrypted; the server cannot ask for a passphrase, so " + CONVERT);
            default -> throw new ConfigException("serve.tls.key_file", file.toString(), "holds a " + type
                    + ", not a PKCS #8 private key; " + CONVERT);
        };
        String algorithm = leaf.getPublicKey().getAlgorithm();
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
            throw new ConfigException("serve.tls.key_file", file.toString(), "is not an " + algorithm
                    + " private key for the certificate in cert_file: " + e.getMessage());
        }
    }

    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("{} can be read by users other than its owner and is the server's private key"
                        + " (serve.tls.key_file); chmod 600 it", file);
            }
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            // not POSIX or not readable: the read below reports what matters
        }
    }

    /** PKCS #1 {@code RSAPrivateKey} wrapped as PKCS #8 {@code PrivateKeyInfo} (RFC 5208), in DER. */
    static final class Pkcs1 {
        private static final byte[] RSA_ALGORITHM = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86,
                (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};

        private Pkcs1() {
        }

        static byte[] toPkcs8(byte[] pkcs1) {
            var key = new java.io.ByteArrayOutputStream();
            key.write(0x04);
            key.writeBytes(length(pkcs1.length));
            key.writeBytes(pkcs1);
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes(new byte[]{0x02, 0x01, 0x00}); // version 0
            body.writeBytes(RSA_ALGORITHM);
            body.writeBytes(key.toByteArray());
            var out = new java.io.ByteArrayOutputStream();
            out.write(0x30);
            out.writeBytes(length(body.size()));
            out.writeBytes(body.toByteArray());
            return out.toByteArray();
        }

        private static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[]{(byte) n};
            }
            if (n < 0x100) {
                return new byte[]{(byte) 0x81, (byte) n};
            }
            if (n < 0x10000) {
                return new byte[]{(byte) 0x82, (byte) (n >> 8), (byte) n};
            }
            return new byte[]{(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
    }
}
