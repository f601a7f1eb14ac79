package dev.batchyard.serve.ingest;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The times a pushed entry may have: from 1970 (Loki's JSON carries unsigned nanoseconds since the
 * epoch) to the end of year 9999 (the Go agent's JSON, which exports write, has four-digit years).
 */
final class LokiTimes {
    /** 9999-12-31T23:59:59Z. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private LokiTimes() {
    }

    /** The entry, or a refusal naming where it is ({@code where} is asked only then). */
    static LokiPush.Entry entry(long seconds, long nanos, String line, Map<String, String> metadata, Supplier<String> where) {
        if (nanos < 0 || nanos > 999_999_999) {
            throw new MalformedBodyException(where.get() + ".timestamp: nanos " + nanos + " is not from 0 to 999999999");
        }
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw new MalformedBodyException(where.get() + ".timestamp: " + seconds + " seconds since 1970 is outside"
                    + " 1970-01-01 to 9999-12-31");
        }
        return new LokiPush.Entry(seconds, (int) nanos, line, metadata);
    }
}
