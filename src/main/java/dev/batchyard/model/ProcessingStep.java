package dev.batchyard.model;

import java.time.OffsetDateTime;
import java.util.Map;

/** One step of the Go agent's pipeline that touched an entry ({@code types.ProcessingStep}). */
public record ProcessingStep(
        String name,
        OffsetDateTime timestamp,
        long duration,
        boolean success,
        String error,
        Map<String, Object> input,
        Map<String, Object> output,
        Map<String, Object> metadata,
        Map<String, Object> unknown) {
}
