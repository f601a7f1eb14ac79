package dev.batchyard.sink.tls;

import dev.batchyard.engine.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files a {@code tls} block names: certificates ({@code ca_file}, {@code cert_file})
 * and an unencrypted PKCS#8 private key ({@code key_file}, {@code BEGIN PRIVATE KEY}: RSA, EC or
 * Ed25519). Every failure is a {@link ConfigException} naming the key and the file, never the key's
 * bytes; a PKCS#1 or SEC1 key ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}) or an
 * encrypted one is refused with the {@code openssl} command that converts it. Stateless.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "EdDSA");

    private PemFiles() {
    }

    /** Every certificate in the file, in order; at least one. */
    public static List<X509Certificate> certificates(Path file, String key) {
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(in).forEach(c -> out.add((X509Certificate) c));
        } catch (IOException | CertificateException e) {
            throw new ConfigException(key, file.toString(), "cannot be read as PEM certificates: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new ConfigException(key, file.toString(), "holds no certificate");
        }
        return out;
    }

    /** The one unencrypted PKCS#8 private key in the file. */
    public static PrivateKey privateKey(Path file, String key) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException(key, file.toString(), "cannot be read: " + e.getMessage());
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                return decode(m.group(2), file, key);
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new ConfigException(key, file.toString(), "holds a " + type + " block; only an unencrypted PKCS#8"
                        + " key (BEGIN PRIVATE KEY) is read: convert it with openssl pkcs8 -topk8 -nocrypt -in "
                        + file.getFileName() + " -out key.pk8.pem");
            }
        }
        throw new ConfigException(key, file.toString(), "holds no PEM private key (BEGIN PRIVATE KEY)");
    }

    private static PrivateKey decode(String base64, Path file, String key) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, file.toString(), "holds a private key that is not valid base64");
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm; the next one may read it
            }
        }
        throw new ConfigException(key, file.toString(), "holds a private key of an algorithm other than "
                + String.join(", ", KEY_ALGORITHMS) + ", or a damaged one");
    }
}
