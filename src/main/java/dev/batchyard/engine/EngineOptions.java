package dev.batchyard.engine;

import dev.batchyard.codec.EntriesCodec;
import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.engine.store.StoreObserver;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Knobs that are not in {@code config.yaml}: how often the recovery loop looks for due batches,
 * how large a segment grows, the jitter source, the entries codec, read-only mode, and who is told
 * how long the store's durable writes take ({@code serve}'s metrics), and whether a throttled replay
 * left running is taken up again at the open ({@code resumesReplay}: the window and {@code serve} do;
 * a short CLI command does not, so {@code list} never starts sending a backlog).
 */
public record EngineOptions(Duration recoveryTick, long maxSegmentBytes, DoubleSupplier jitter,
                            EntriesCodec codec, boolean readOnly, Duration maintenanceInterval,
                            StoreObserver storeObserver, boolean resumesReplay) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    public EngineOptions {
        Objects.requireNonNull(recoveryTick, "recoveryTick");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(maintenanceInterval, "maintenanceInterval");
        Objects.requireNonNull(storeObserver, "storeObserver");
        if (maxSegmentBytes < 4096) {
            throw new IllegalArgumentException("maxSegmentBytes must be >= 4096, was " + maxSegmentBytes);
        }
    }

    /** Options whose store is observed by nobody. */
    public EngineOptions(Duration recoveryTick, long maxSegmentBytes, DoubleSupplier jitter, EntriesCodec codec,
                         boolean readOnly, Duration maintenanceInterval) {
        this(recoveryTick, maxSegmentBytes, jitter, codec, readOnly, maintenanceInterval, StoreObserver.NONE, true);
    }

    /** Options that take up a replay left running. */
    public EngineOptions(Duration recoveryTick, long maxSegmentBytes, DoubleSupplier jitter, EntriesCodec codec,
                         boolean readOnly, Duration maintenanceInterval, StoreObserver storeObserver) {
        this(recoveryTick, maxSegmentBytes, jitter, codec, readOnly, maintenanceInterval, storeObserver, true);
    }

    /**
     * Production defaults: entries in the binary codec (format version 2, which also reads the
     * Smile records of version 1), 64 MiB segments, a 250 ms recovery tick.
     */
    public static EngineOptions defaults() {
        return defaults(new BinaryEntriesCodec());
    }

    public static EngineOptions defaults(EntriesCodec codec) {
        return new EngineOptions(Duration.ofMillis(250), DEFAULT_SEGMENT_BYTES,
                () -> ThreadLocalRandom.current().nextDouble(), codec, false, Duration.ofSeconds(5), StoreObserver.NONE, true);
    }

    public EngineOptions withReadOnly(boolean value) {
        return new EngineOptions(recoveryTick, maxSegmentBytes, jitter, codec, value, maintenanceInterval, storeObserver, resumesReplay);
    }

    public EngineOptions withMaxSegmentBytes(long value) {
        return new EngineOptions(recoveryTick, value, jitter, codec, readOnly, maintenanceInterval, storeObserver, resumesReplay);
    }

    public EngineOptions withRecoveryTick(Duration value) {
        return new EngineOptions(value, maxSegmentBytes, jitter, codec, readOnly, maintenanceInterval, storeObserver, resumesReplay);
    }

    public EngineOptions withJitter(DoubleSupplier value) {
        return new EngineOptions(recoveryTick, maxSegmentBytes, value, codec, readOnly, maintenanceInterval, storeObserver, resumesReplay);
    }

    public EngineOptions withStoreObserver(StoreObserver value) {
        return new EngineOptions(recoveryTick, maxSegmentBytes, jitter, codec, readOnly, maintenanceInterval, value, resumesReplay);
    }

    public EngineOptions withResumesReplay(boolean value) {
        return new EngineOptions(recoveryTick, maxSegmentBytes, jitter, codec, readOnly, maintenanceInterval,
                storeObserver, value);
    }
}
