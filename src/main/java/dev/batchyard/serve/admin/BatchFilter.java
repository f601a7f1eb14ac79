package dev.batchyard.serve.admin;

import dev.batchyard.engine.BatchQuery;
import dev.batchyard.model.BatchState;
import dev.batchyard.time.GoDuration;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The batch filter as the admin API takes it, in a query string ({@code GET /api/v1/batches}) or
 * an action's {@code filter} object, into a {@link BatchQuery}:
 * <ul>
 *   <li>{@code state}: one or more of {@code PENDING}, {@code IN_FLIGHT}, {@code RETRY_WAIT},
 *       {@code DEAD} (any case), comma-separated;</li>
 *   <li>{@code sink}: one or more sink names, comma-separated;</li>
 *   <li>{@code older_than}: a Go duration ({@code 90s}, {@code 1h30m});</li>
 *   <li>{@code min_retries}: a whole number, 0 or more;</li>
 *   <li>{@code text}: a substring of the id or the failure reason, any case.</li>
 * </ul>
 * A value that cannot be used is refused naming the parameter and what it takes.
 */
final class BatchFilter {
    static final Set<String> PARAMETERS = Set.of("state", "sink", "older_than", "min_retries", "text");
    static final String STATES = Arrays.stream(BatchState.values()).map(Enum::name).collect(Collectors.joining(", "));

    private BatchFilter() {
    }

    /** @param values a parameter's value by name, null when not given */
    static BatchQuery read(Function<String, String> values) {
        return new BatchQuery(states(values.apply("state")), list(values.apply("sink")),
                olderThan(values.apply("older_than")), minRetries(values.apply("min_retries")),
                values.apply("text"));
    }

    private static Set<BatchState> states(String text) {
        Set<BatchState> states = new LinkedHashSet<>();
        for (String name : list(text)) {
            try {
                states.add(BatchState.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("state", name, "is not a state; allowed: " + STATES
                        + " (comma-separated for several)");
            }
        }
        return states;
    }

    private static Set<String> list(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static Duration olderThan(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Duration d = GoDuration.parse(text.strip());
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        } catch (RuntimeException e) {
            throw new BadParameterException("older_than", text, "must be a duration of 0 or more in Go's syntax,"
                    + " such as 90s, 15m or 1h30m");
        }
    }

    private static Integer minRetries(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Numbers.wholeNumber("min_retries", text, 0, Integer.MAX_VALUE);
    }
}
