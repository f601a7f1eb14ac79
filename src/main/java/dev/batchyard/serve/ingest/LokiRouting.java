package dev.batchyard.serve.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * Which sink a Loki push is stored for ({@code serve.ingest.loki}): {@code sink} for a push without
 * a tenant, and {@code tenants} for a push whose {@code X-Scope-OrgID} names one. A push for a
 * tenant that is not listed is refused: storing it for the default sink would later deliver one
 * tenant's logs into another's.
 *
 * @param sink    the sink of pushes without a tenant; empty when such pushes are refused
 * @param tenants tenant id to sink name
 */
public record LokiRouting(Optional<String> sink, Map<String, String> tenants) {
    public LokiRouting {
        tenants = Map.copyOf(tenants);
    }

    /** The sink for a push from {@code tenant} (null or blank: none). */
    String sinkFor(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return sink.orElseThrow(() -> new UnroutablePushException("this push names no tenant (X-Scope-OrgID) and"
                    + " serve.ingest.loki.sink is not set; set it, or send the tenant"));
        }
        String target = tenants.get(tenant.strip());
        if (target == null) {
            throw new UnroutablePushException("tenant " + Quoting.shortly(tenant.strip()) + " (X-Scope-OrgID) is not in"
                    + " serve.ingest.loki.tenants" + (tenants.isEmpty() ? "" : "; known: " + tenants.keySet().stream().sorted().toList()));
        }
        return target;
    }

    /** A push with no sink to store it for; answered 400. */
    public static final class UnroutablePushException extends RuntimeException {
        public UnroutablePushException(String message) {
            super(message);
        }
    }
}
