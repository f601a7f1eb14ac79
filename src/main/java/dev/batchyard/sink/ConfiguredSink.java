package dev.batchyard.sink;

import java.util.Objects;

/** A sink with the policy the delivery layer applies to it. */
public record ConfiguredSink(Sink sink, SinkPolicy policy) {
    public ConfiguredSink {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(policy, "policy");
    }

    public String name() {
        return sink.name();
    }
}
