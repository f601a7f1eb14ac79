package dev.batchyard.serve.testsupport;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in the test, and server certificates it signs for 127.0.0.1,
 * written as the PEM files {@code serve.tls} takes; the client trusts the CA only.
 */
public final class TestCa {
    private final KeyPair caKeys;
    private final X509Certificate ca;

    public TestCa(String name) throws Exception {
        caKeys = keys("EC");
        ca = certificate(new X500Name("CN=" + name), caKeys, new X500Name("CN=" + name), caKeys, true, null);
    }

    /** Writes {@code server.crt} (leaf, then CA) and {@code server.key} (PKCS #8) for 127.0.0.1 into {@code dir}. */
    public Path[] serverFiles(Path dir, String algorithm) throws Exception {
        KeyPair server = keys(algorithm);
        X509Certificate leaf = certificate(new X500Name("CN=127.0.0.1"), server,
                new X500Name(ca.getSubjectX500Principal().getName()), caKeys, false, "127.0.0.1");
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        Files.writeString(cert, pem(leaf) + pem(ca));
        Files.writeString(key, pem(server.getPrivate()));
        return new Path[]{cert, key};
    }

    /** Writes the CA's certificate alone as {@code ca.crt} (PEM) into {@code dir}: what a client is told to trust. */
    public Path caFile(Path dir) throws Exception {
        Path file = dir.resolve("ca.crt");
        Files.writeString(file, pem(ca));
        return file;
    }

    /** A client context that trusts this CA and nothing else. */
    public SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyPair keys(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(algorithm.equals("RSA") ? 2048 : 256);
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                               boolean isCa, String ip) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, InetAddress.getByName(ip).getHostAddress())));
        }
        String signer = issuerKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(signer).build(issuerKeys.getPrivate())));
    }

    private static String pem(Object o) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o instanceof java.security.PrivateKey k ? new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY",
                    k.getEncoded()) : o);
        }
        return out.toString();
    }
}
