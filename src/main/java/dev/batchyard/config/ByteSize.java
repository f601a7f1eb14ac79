package dev.batchyard.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes as an operator writes it in {@code config.yaml}: a whole number of bytes
 * ({@code 67108864}) or a whole number with a unit ({@code 64MiB}, {@code 500MB}, {@code 1 GiB}).
 * Units, case-insensitive: {@code B}; {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB} (powers of
 * 1024); {@code KB}, {@code MB}, {@code GB}, {@code TB} (powers of 1000, as disks are sold).
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
    private static final Map<String, Long> UNITS = Map.of("", 1L, "b", 1L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L, "tb", 1_000_000_000_000L);

    private ByteSize() {
    }

    /** @throws IllegalArgumentException saying why {@code text} is not a size */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a whole number of bytes with an optional unit");
        }
        Long unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("unknown unit '" + m.group(2) + "'");
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("too large");
        }
    }

    /** The shortest exact form: {@code 64MiB}, {@code 1000B}. */
    public static String format(long bytes) {
        String[] units = {"TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (4 - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }
}
