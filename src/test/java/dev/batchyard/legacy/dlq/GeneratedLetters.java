package dev.batchyard.legacy.dlq;

import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.ProcessingStep;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Dead letters with hostile values, from a seed: control characters, U+2028/U+2029, HTML-unsafe
 * characters, characters beyond U+FFFF, lone surrogates, whole numbers beyond 64 bits, floats, Go's
 * zero time, offsets with minutes, nil against empty maps, unknown keys. Lone surrogates only in
 * values (see {@link #key()}).
 */
final class GeneratedLetters {
    private static final String[] PIECES = {"a", "é", "😀", "\u0000", "\u001b[31m", "\u2028", "\u2029", "<", ">", "&",
        "\"", "\\", "\n", "\t", "\u007f", "\ud800", "\udfff", "\ufffd", " ", "日本"};
    private static final String[] SINKS = {"loki", "kafka_sink", "dispatcher", "sink with spaces \u2028"};
    private final Random random;

    GeneratedLetters(long seed) {
        random = new Random(seed);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    /**
     * A map key: anything but a lone surrogate, which Jackson's parser refuses in a key (the line is
     * then reported as not JSON; Go never writes one, it writes U+FFFD).
     */
    String key() {
        String k = text();
        return k.replace('\ud800', 'x').replace('\udfff', 'y');
    }

    OffsetDateTime time() {
        if (random.nextInt(8) == 0) {
            return EntryFailure.ZERO_TIME;
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(28 * 4) - 14 * 4) * 15 * 60 % (18 * 3600));
        return OffsetDateTime.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                random.nextInt(60), random.nextInt(60), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000), offset);
    }

    private Object value(int depth) {
        switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0: return text();
            case 1: return random.nextLong();
            case 2: return new BigInteger(80, random).negate();
            case 3: return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 4: return random.nextBoolean();
            case 5: return null;
            case 6: {
                List<Object> l = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    l.add(value(depth + 1));
                }
                return l;
            }
            default: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    m.put(key(), value(depth + 1));
                }
                return m;
            }
        }
    }

    /** A map of one key whose value may be null (which {@code Map.of} refuses). */
    private static Map<String, Object> one(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private Map<String, String> strings() {
        if (random.nextInt(3) == 0) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            m.put(key(), text());
        }
        return m;
    }

    LogEntry entry() {
        Map<String, Object> fields = random.nextInt(3) == 0 ? null : new LinkedHashMap<>();
        if (fields != null) {
            for (int i = random.nextInt(4); i > 0; i--) {
                fields.put(key(), value(0));
            }
        }
        return LogEntry.builder().traceId(text()).spanId(text()).parentSpanId(text()).timestamp(time())
                .duration(random.nextInt(3) == 0 ? 0 : random.nextLong()).processedAt(time()).message(text())
                .level(text()).sourceType(text()).sourceId(text())
                .tags(random.nextBoolean() ? null : List.of(text(), text()))
                .labels(strings()).fields(fields)
                .processingSteps(random.nextInt(4) != 0 ? null : List.of(new ProcessingStep(text(), time(),
                        random.nextLong(), random.nextBoolean(), text(), null, one(key(), value(2)), null, null)))
                .pipeline(text()).metrics(random.nextBoolean() ? null : Map.of(key(), random.nextDouble()))
                .unknown(random.nextInt(5) != 0 ? null : one("from_newer_agent", value(1)))
                .build();
    }

    /** A failure whose entry id is {@code entryId} (unique per generated letter). */
    EntryFailure failure(String entryId) {
        Map<String, String> context = strings();
        return EntryFailure.builder().at(time()).message(text()).errorType(text())
                .sink(SINKS[random.nextInt(SINKS.length)]).retryCount(random.nextInt(3) == 0 ? 0 : random.nextLong())
                .context(context).stackTrace(random.nextBoolean() ? "" : text())
                .reprocessAttempts(random.nextInt(4)).lastReprocessAttempt(time()).nextReprocessTime(time())
                .reprocessingEnabled(random.nextBoolean()).entryId(entryId)
                .unknown(random.nextInt(5) != 0 ? null : one("dlq_version", value(1)))
                .build();
    }
}
