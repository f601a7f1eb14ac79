package dev.batchyard.app.health;

import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import dev.batchyard.model.DamageKind;
import java.time.Instant;
import java.util.List;

/** Damage reports as the engine words them, for the health feature's tests. */
final class Damage {
    static final Instant T0 = Instant.parse("2026-11-26T14:03:07Z");
    static final String SEGMENTS = "/var/lib/batchyard/segments/";

    private Damage() {
    }

    static CorruptionFound tornTail(int second) {
        return new CorruptionFound(T0.plusSeconds(second), DamageKind.TORN_TAIL, SEGMENTS + "00000000000000000007.seg",
                40_960, "torn write at the end of the newest segment (37 bytes)",
                "cut off at offset 40960; the bytes are kept in quarantine/", List.of());
    }

    static CorruptionFound setAside(int second, String id) {
        return new CorruptionFound(T0.plusSeconds(second), DamageKind.BATCH_QUARANTINED,
                SEGMENTS + "00000000000000000003.seg", 1_048_576, "record of batch '" + id + "' fails its checksum",
                "batch set aside; its segment is kept in quarantine/", List.of(id));
    }

    static CorruptionFound lost(int second, String... ids) {
        return new CorruptionFound(T0.plusSeconds(second), DamageKind.BATCH_LOST, SEGMENTS + "00000000000000000002.seg",
                0, "segment is missing", "no other copy exists", List.of(ids));
    }
}
