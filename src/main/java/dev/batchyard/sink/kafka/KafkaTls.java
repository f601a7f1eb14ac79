package dev.batchyard.sink.kafka;

import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.tls.SslContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The {@code tls} block: {@code enabled}, {@code verify_certificate} (default true),
 * {@code ca_file}, {@code cert_file}, {@code key_file}, PEM files that are read when the config is
 * loaded (the Go agent left loading them as a TODO). {@code verify_certificate: false} trusts any
 * certificate and host name, for test setups, and says so loudly in the sink's description.
 *
 * @param context {@code null} when TLS is off
 */
public record KafkaTls(boolean enabled, boolean verifyCertificate, SSLContext context) {
    private static final Set<String> KEYS = Set.of("enabled", "verify_certificate", "ca_file", "cert_file", "key_file");

    static KafkaTls read(ConfigNode sink) {
        ConfigNode tls = sink.child("tls");
        Keys.refuseUnknown(tls, KEYS);
        boolean enabled = tls.bool("enabled", false);
        boolean verify = tls.bool("verify_certificate", true);
        if (!enabled) {
            return new KafkaTls(false, verify, null);
        }
        Path ca = file(tls, "ca_file");
        Path cert = file(tls, "cert_file");
        Path key = file(tls, "key_file");
        if ((cert == null) != (key == null)) {
            throw tls.invalid(cert == null ? "cert_file" : "key_file", "",
                    "must be set too: a client certificate needs both cert_file and key_file");
        }
        return new KafkaTls(true, verify, SslContexts.of(tls.path(), verify, ca, cert, key));
    }

    private static Path file(ConfigNode tls, String key) {
        Path path = tls.optionalFile(key).orElse(null);
        if (path != null && (!Files.isRegularFile(path) || !Files.isReadable(path))) {
            throw tls.invalid(key, path.toString(), "must be a readable PEM file");
        }
        return path;
    }

    String note() {
        return !enabled ? "" : verifyCertificate ? ", TLS"
                : ", TLS NOT VERIFIED: verify_certificate is false, any certificate and host name is accepted";
    }

    @Override
    public String toString() {
        return "KafkaTls[" + (enabled ? "on, verify=" + verifyCertificate : "off") + "]";
    }
}
