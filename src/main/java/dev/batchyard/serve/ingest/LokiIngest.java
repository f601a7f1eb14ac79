package dev.batchyard.serve.ingest;

import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.LogEntry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Loki push becomes one batch: entries per {@link LokiEntries}, the sink per
 * {@link LokiRouting}, a fresh id ({@code loki-<uuid>}), and a context saying where it came from
 * ({@code created_by: batchyard_serve}, {@code ingest: loki}, {@code pushed_by}: the token's name,
 * and {@code tenant} when one was sent). A push without entries stores nothing, as Loki stores
 * nothing for it. Thread-safe.
 */
public final class LokiIngest {
    static final String BATCH_ID_PREFIX = "loki-";

    private final LokiRouting routing;
    private final BodyLimits limits;
    private final Clock clock;

    public LokiIngest(LokiRouting routing, BodyLimits limits, Clock clock) {
        this.routing = routing;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Decodes a push body into the entries it becomes, received now.
     *
     * @throws MalformedBodyException  a body that is not what its headers say (400)
     * @throws BodyTooLargeException   past a limit once decompressed (413)
     * @throws LokiPushBody.UnsupportedTypeException a content type or encoding Loki does not take (415)
     */
    public List<LogEntry> entries(String contentType, String contentEncoding, byte[] body) {
        return LokiEntries.read(contentType, contentEncoding, body, limits, OffsetDateTime.now(clock));
    }

    /**
     * Persists the push's entries as one batch: the future completes once it is durable, or at once,
     * empty, when the push had no entries. Refusals are thrown (see {@link IngestTarget}).
     *
     * @param target   where the caller's batches go (its console)
     * @param entries  the push's entries ({@link #entries})
     * @param tenant   the push's {@code X-Scope-OrgID}, or null
     * @param pushedBy the name of the caller's token
     */
    public CompletableFuture<Optional<BatchView>> push(IngestTarget target, List<LogEntry> entries, String tenant,
                                                      String pushedBy) {
        String sink = routing.sinkFor(tenant);
        if (entries.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("created_by", "batchyard_serve");
        context.put("ingest", "loki");
        context.put("pushed_by", pushedBy);
        if (tenant != null && !tenant.isBlank()) {
            context.put("tenant", tenant.strip());
        }
        NewBatch batch = new NewBatch(BATCH_ID_PREFIX + randomUuid(), entries, sink, null, null, 0, "", context);
        return target.persist(batch).thenApply(Optional::of);
    }

    /**
     * A random (version 4) UUID from the thread's own generator: unique as {@link UUID#randomUUID()}
     * is for an id that needs no secrecy, without its one {@code SecureRandom} that every Jetty thread
     * queued on and that read the kernel's random source (about 3 µs of each push).
     */
    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }
}
