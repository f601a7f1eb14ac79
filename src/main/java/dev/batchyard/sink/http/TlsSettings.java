package dev.batchyard.sink.http;

import dev.batchyard.sink.ConfigNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code tls} block: whether to check the server's certificate and against which CA file. */
public record TlsSettings(boolean enabled, boolean verifyCertificate, Path caFile) {

    static TlsSettings read(ConfigNode sink) {
        ConfigNode tls = sink.child("tls");
        boolean enabled = tls.bool("enabled", false);
        boolean verify = tls.bool("verify_certificate", true);
        Path caFile = tls.optionalFile("ca_file").orElse(null);
        if (enabled && caFile != null && !Files.isReadable(caFile)) {
            throw tls.invalid("ca_file", caFile.toString(), "must be a readable PEM file of CA certificates");
        }
        return new TlsSettings(enabled, verify, caFile);
    }
}
