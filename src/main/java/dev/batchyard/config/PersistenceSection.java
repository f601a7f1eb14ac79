package dev.batchyard.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.store.StoreLimits;
import dev.batchyard.time.GoDuration;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * The {@code persistence} section of {@code config.yaml}, read key by key into a
 * {@link PersistenceConfig}. A key that is missing or {@code null} takes the Go agent's default.
 * Every other value is checked here, failing with a {@link ConfigException} that names
 * {@code persistence.<key>}, the value and what is allowed; unknown keys fail too (a typo
 * silently falling back to a default is worse than an error).
 */
final class PersistenceSection {
    private static final Set<String> KEYS = Set.of("enabled", "directory", "max_pending_batches", "batch_timeout",
            "max_recovery_retries", "recovery_backoff_base", "recovery_backoff_max", "cleanup_interval", "batch_ttl",
            "max_batch_bytes", "max_pending_bytes", "dead_batch_ttl", "max_dead_batches", "discard_grace",
            "requeue_loop_limit");

    private final JsonNode section;
    private final Path baseDir;

    /** @param baseDir the config file's directory: a relative {@code directory} is resolved against it */
    PersistenceSection(JsonNode section, Path baseDir) {
        this.section = section;
        this.baseDir = baseDir;
    }

    PersistenceConfig read() {
        PersistenceConfig d = PersistenceConfig.defaults(baseDir.resolve("batch_persistence"));
        if (section == null || section.isNull() || section.isMissingNode()) {
            return d;
        }
        if (!section.isObject()) {
            throw new ConfigException("persistence", shown(section), "must be a mapping of persistence keys");
        }
        for (Iterator<String> it = section.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException("persistence." + key, shown(section.get(key)),
                        "is not a persistence key; allowed: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Duration backoffBase = duration("recovery_backoff_base", d.recoveryBackoffBase());
        Duration backoffMax = duration("recovery_backoff_max", d.recoveryBackoffMax());
        if (backoffMax.compareTo(backoffBase) < 0) {
            // checked here too, to quote the values as written (PersistenceConfig only has Durations)
            throw new ConfigException("persistence.recovery_backoff_max", GoDuration.format(backoffMax),
                    "must be at least recovery_backoff_base (" + GoDuration.format(backoffBase) + ")");
        }
        Duration cleanupInterval = duration("cleanup_interval", d.cleanupInterval());
        if (cleanupInterval.compareTo(PersistenceConfig.MIN_CLEANUP_INTERVAL) < 0) {
            throw new ConfigException("persistence.cleanup_interval", shown(section.get("cleanup_interval")),
                    PersistenceConfig.CLEANUP_INTERVAL_ALLOWED);
        }
        long maxBatchBytes = size("max_batch_bytes", d.maxBatchBytes());
        if (maxBatchBytes < PersistenceConfig.MIN_BATCH_BYTES || maxBatchBytes > StoreLimits.MAX_RECORD_BYTES) {
            throw new ConfigException("persistence.max_batch_bytes", shown(section.get("max_batch_bytes")),
                    PersistenceConfig.maxBatchBytesAllowed());
        }
        long maxPendingBytes = size("max_pending_bytes", d.maxPendingBytes());
        if (maxPendingBytes < maxBatchBytes) {
            JsonNode written = value("max_pending_bytes");
            throw new ConfigException("persistence.max_pending_bytes",
                    written == null ? ByteSize.format(maxPendingBytes) : shown(written),
                    PersistenceConfig.maxPendingBytesAllowed(maxBatchBytes));
        }
        return new PersistenceConfig(
                bool("enabled", d.enabled()),
                directory(d.directory()),
                count("max_pending_batches", d.maxPendingBatches(), 1),
                duration("batch_timeout", d.batchTimeout()),
                count("max_recovery_retries", d.maxRecoveryRetries(), 0),
                backoffBase,
                backoffMax,
                cleanupInterval,
                duration("batch_ttl", d.batchTtl()),
                maxBatchBytes,
                maxPendingBytes,
                deadBatchTtl(),
                count("max_dead_batches", d.maxDeadBatches(), 0),
                discardGrace(d.discardGrace()),
                loopLimit(d.requeueLoopLimit()));
    }

    /** A whole number of at least 1; the key and what it takes are named otherwise. */
    private int loopLimit(int dflt) {
        JsonNode v = value("requeue_loop_limit");
        if (v == null) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new ConfigException("persistence.requeue_loop_limit", shown(v), PersistenceConfig.REQUEUE_LOOP_LIMIT_ALLOWED);
        }
        return v.asInt();
    }

    /** {@code keep} (or missing) keeps dead batches until an operator acts; otherwise a positive duration. */
    private Duration deadBatchTtl() {
        JsonNode v = value("dead_batch_ttl");
        if (v == null || v.isTextual() && v.asText().strip().equalsIgnoreCase("keep")) {
            return PersistenceConfig.KEEP;
        }
        if (!v.isTextual()) {
            throw new ConfigException("persistence.dead_batch_ttl", shown(v), PersistenceConfig.DEAD_BATCH_TTL_ALLOWED);
        }
        try {
            Duration d = GoDuration.parse(v.asText());
            if (d.isZero() || d.isNegative()) {
                throw new ConfigException("persistence.dead_batch_ttl", v.asText(), PersistenceConfig.DEAD_BATCH_TTL_ALLOWED);
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("persistence.dead_batch_ttl", v.asText(),
                    PersistenceConfig.DEAD_BATCH_TTL_ALLOWED + " (" + e.getMessage() + ")");
        }
    }

    /** A duration of zero or more: {@code 0s} purges a discarded batch at the next cleanup pass. */
    private Duration discardGrace(Duration dflt) {
        JsonNode v = value("discard_grace");
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw new ConfigException("persistence.discard_grace", shown(v), PersistenceConfig.DISCARD_GRACE_ALLOWED);
        }
        try {
            Duration d = GoDuration.parse(v.asText());
            if (d.isNegative()) {
                throw new ConfigException("persistence.discard_grace", v.asText(), PersistenceConfig.DISCARD_GRACE_ALLOWED);
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("persistence.discard_grace", v.asText(),
                    PersistenceConfig.DISCARD_GRACE_ALLOWED + " (" + e.getMessage() + ")");
        }
    }

    /** A value as the operator wrote it: a scalar's text, or a list or mapping in JSON form. */
    static String shown(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private JsonNode value(String key) {
        JsonNode v = section.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private boolean bool(String key, boolean dflt) {
        JsonNode v = value(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new ConfigException("persistence." + key, shown(v),
                    v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))
                            ? "must be true or false, without quotes" : "must be true or false");
        }
        return v.booleanValue();
    }

    private int count(String key, int dflt, int min) {
        JsonNode v = value(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
            throw new ConfigException("persistence." + key, shown(v),
                    "must be a whole number from " + min + " to " + Integer.MAX_VALUE);
        }
        return v.intValue();
    }

    /** A size: a whole number of bytes, or one with a unit ({@link ByteSize}). */
    private long size(String key, long dflt) {
        JsonNode v = value(key);
        if (v == null) {
            return dflt;
        }
        String allowed = "must be a size in bytes, such as 67108864, 64MiB or 500MB";
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new ConfigException("persistence." + key, shown(v), allowed);
        }
        try {
            return ByteSize.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("persistence." + key, v.asText(), allowed + " (" + e.getMessage() + ")");
        }
    }

    private Duration duration(String key, Duration dflt) {
        JsonNode v = value(key);
        if (v == null) {
            return dflt;
        }
        String allowed = "must be a positive Go duration such as 500ms, 30s, 1h30m";
        if (!v.isTextual() && !v.isNumber()) {
            throw new ConfigException("persistence." + key, shown(v), allowed);
        }
        Duration d;
        try {
            d = GoDuration.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("persistence." + key, v.asText(), allowed + " (" + e.getMessage() + ")");
        }
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException("persistence." + key, v.asText(), allowed);
        }
        return d;
    }

    private Path directory(Path dflt) {
        JsonNode v = value("directory");
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException("persistence.directory", shown(v), "must be a directory path");
        }
        Path dir;
        try {
            dir = baseDir.resolve(v.asText()).normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException("persistence.directory", v.asText(), "must be a valid path (" + e.getReason() + ")");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException("persistence.directory", v.asText(),
                    "must be a directory, but " + dir + " is a file");
        }
        return dir;
    }
}
