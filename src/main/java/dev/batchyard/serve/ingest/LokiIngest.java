package dev.batchyard.serve.ingest;

import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One Loki push becomes one batch: entries per {@link LokiEntries}, the sink per
 * {@link LokiRouting}, a fresh id ({@code loki-<uuid>}), and a context saying where it came from
 * ({@code created_by: batchyard_serve}, {@code ingest: loki}, {@code pushed_by}: the token's name,
 * and {@code tenant} when one was sent). A push without entries stores nothing, as Loki stores
 * nothing for it. Thread-safe.
 */
public final class LokiIngest {
    private final IngestTarget target;
    private final LokiRouting routing;
    private final Clock clock;

    public LokiIngest(IngestTarget target, LokiRouting routing, Clock clock) {
        this.target = target;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * Persists the push; returns once it is durable, or empty when it had no entries.
     *
     * @param tenant   the push's {@code X-Scope-OrgID}, or null
     * @param pushedBy the name of the caller's token
     */
    public Optional<BatchView> push(LokiPush push, String tenant, String pushedBy) {
        String sink = routing.sinkFor(tenant);
        if (push.entryCount() == 0) {
            return Optional.empty();
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("created_by", "batchyard_serve");
        context.put("ingest", "loki");
        context.put("pushed_by", pushedBy);
        if (tenant != null && !tenant.isBlank()) {
            context.put("tenant", tenant.strip());
        }
        NewBatch batch = new NewBatch("loki-" + UUID.randomUUID(), LokiEntries.of(push, OffsetDateTime.now(clock)), sink,
                null, null, 0, "", context);
        return Optional.of(target.persist(batch));
    }
}
