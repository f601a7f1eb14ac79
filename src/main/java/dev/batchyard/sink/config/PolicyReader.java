package dev.batchyard.sink.config;

import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.RecoveryStrategy;
import dev.batchyard.sink.SinkPolicy;
import java.time.Duration;

/**
 * Reads one sink's delivery policy: {@code max_concurrency}, {@code circuit_breaker}
 * {@code {failure_threshold, cool_down}}, {@code on_failure} ({@code dead_letter} or
 * {@code fallback}), {@code fallback}, {@code fallback_after_attempts}, {@code fallback_after_open}.
 * Whether the fallback target exists is checked by {@link dev.batchyard.sink.SinkRegistry}, which
 * sees every sink.
 */
final class PolicyReader {
    static final int DEFAULT_FALLBACK_ATTEMPTS = 3;

    private PolicyReader() {
    }

    static SinkPolicy read(ConfigNode sink) {
        int concurrency = sink.integer("max_concurrency", SinkPolicy.DEFAULT_CONCURRENCY, 1);
        ConfigNode breaker = sink.child("circuit_breaker");
        int threshold = breaker.integer("failure_threshold", SinkPolicy.DEFAULT_FAILURE_THRESHOLD, 1);
        Duration coolDown = breaker.duration("cool_down", SinkPolicy.DEFAULT_COOL_DOWN, true);
        return new SinkPolicy(concurrency, threshold, coolDown, recovery(sink));
    }

    private static RecoveryStrategy recovery(ConfigNode sink) {
        String target = sink.text("fallback", "").strip();
        String onFailure = sink.text("on_failure", target.isEmpty() ? "dead_letter" : "fallback");
        switch (onFailure) {
            case "dead_letter":
                if (!target.isEmpty()) {
                    throw sink.invalid("fallback", target, "contradicts on_failure: dead_letter; remove one of them");
                }
                return new RecoveryStrategy.DeadLetter();
            case "fallback":
                if (target.isEmpty()) {
                    throw sink.invalid("fallback", "", "must name the sink to fall back to when on_failure is fallback");
                }
                int attempts = sink.integer("fallback_after_attempts", DEFAULT_FALLBACK_ATTEMPTS, 1);
                Duration afterOpen = sink.duration("fallback_after_open", null, true);
                return new RecoveryStrategy.Fallback(target, attempts, afterOpen);
            default:
                throw sink.invalid("on_failure", onFailure, "must be dead_letter or fallback");
        }
    }
}
