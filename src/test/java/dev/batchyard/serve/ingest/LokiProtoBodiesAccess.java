package dev.batchyard.serve.ingest;

import java.util.Map;

/** Protobuf + snappy push bodies for tests outside this package. */
public final class LokiProtoBodiesAccess {
    /** Two lines of one stream, the second with structured metadata, as Promtail sends them. */
    public byte[] promtailLike() {
        return new LokiProtoBodies()
                .stream("{filename=\"/var/log/syslog\", job=\"varlogs\"}",
                        LokiProtoBodies.entry(1_700_000_000L, 0, "Nov 14 22:13:20 host sshd[42]: session opened", Map.of()),
                        LokiProtoBodies.entry(1_700_000_000L, 1, "Nov 14 22:13:20 host sshd[42]: session closed",
                                Map.of("pod", "api-7")))
                .snappy();
    }
}
