package dev.batchyard.sink;

import dev.batchyard.engine.ConfigException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Go's {@code time.ParseDuration} syntax ({@code 500ms}, {@code 30s}, {@code 1m30s},
 * {@code 1.5h}). Kept here until a shared {@code dev.batchyard.config.GoDuration} exists; then this
 * class goes and its one caller ({@link ConfigNode#duration}) switches.
 */
final class GoDurationParser {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    static final String ALLOWED = "must be a Go duration such as 500ms, 30s, 1m30s or 2h";

    private GoDurationParser() {
    }

    static Duration parse(String text, String key) {
        String s = text == null ? "" : text.strip();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new ConfigException(key, text, ALLOWED);
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2)))));
            at = m.end();
        }
        if (at == 0) {
            throw new ConfigException(key, text, ALLOWED);
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }
}
