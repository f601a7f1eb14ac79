package dev.batchyard.app.events;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The panels' only way to turn data into words: every pattern comes from the resource bundle and
 * every number, time, size and duration is formatted for {@code locale}, so a translated bundle
 * is all a new language needs. Patterns are {@link MessageFormat} patterns (plurals are
 * {@code choice} formats; a literal apostrophe is written {@code ''}).
 *
 * <p>Immutable and thread-safe (formatters are created per call; these calls are not hot).
 */
public record LocalizedText(ResourceBundle bundle, Locale locale, ZoneId zone) {

    public LocalizedText {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
    }

    /** The pattern under {@code key} with {@code args} filled in. */
    public String text(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** Wall-clock time of day in {@code zone}, e.g. {@code 14:03:07}. */
    public String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone).format(instant);
    }

    /** A short human duration: {@code 850 ms}, {@code 1.2 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
    public String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return text("unit.millis", millis);
        }
        if (millis < 60_000) {
            return text("unit.seconds", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return text("unit.minutes", seconds / 60, seconds % 60);
        }
        return text("unit.hours", seconds / 3600, (seconds % 3600) / 60);
    }

    /** A byte count in the largest binary unit that keeps it at or above one. */
    public String bytes(long bytes) {
        if (bytes < 1024) {
            return text("unit.bytes", bytes);
        }
        double kib = bytes / 1024.0;
        if (kib < 1024) {
            return text("unit.kib", kib);
        }
        double mib = kib / 1024.0;
        return mib < 1024 ? text("unit.mib", mib) : text("unit.gib", mib / 1024.0);
    }
}
