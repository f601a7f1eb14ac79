package dev.batchyard.model;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One step of the Go agent's pipeline that touched an entry ({@code types.ProcessingStep}).
 * Immutable; maps are normalised like {@link LogEntry#fields()}.
 *
 * @param duration nanoseconds
 * @param forms    how a non-Go source spelled zero values and times ({@link KeyForm})
 */
public record ProcessingStep(
        String name,
        OffsetDateTime timestamp,
        long duration,
        boolean success,
        String error,
        Map<String, Object> input,
        Map<String, Object> output,
        Map<String, Object> metadata,
        Map<String, Object> unknown,
        KeyForms forms) {

    public ProcessingStep {
        input = JsonValues.goAnyMap(input);
        output = JsonValues.goAnyMap(output);
        metadata = JsonValues.goAnyMap(metadata);
        unknown = JsonValues.orderedAnyMap(unknown);
        forms = forms == null ? KeyForms.NONE : forms;
    }

    /** A step with no key forms. */
    public ProcessingStep(String name, OffsetDateTime timestamp, long duration, boolean success, String error,
            Map<String, Object> input, Map<String, Object> output, Map<String, Object> metadata,
            Map<String, Object> unknown) {
        this(name, timestamp, duration, success, error, input, output, metadata, unknown, KeyForms.NONE);
    }
}
