package dev.batchyard.app.events;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The panels' only way to turn data into words: every pattern comes from the resource bundle and
 * every number, time, size and duration is formatted for {@code locale}, so a translated bundle
 * is all a new language needs. Patterns are {@link MessageFormat} patterns (plurals are
 * {@code choice} formats; a literal apostrophe is written {@code ''}).
 *
 * <p>Parsed patterns are cached: describing a busy engine's events formats thousands of lines a
 * second, and parsing a pattern costs more than filling it in. Thread-safe (the cache is
 * concurrent; a cached format is used under its own lock, since {@code MessageFormat} is not).
 */
public final class LocalizedText {
    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter timeOfDay;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public LocalizedText(ResourceBundle bundle, Locale locale, ZoneId zone) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.timeOfDay = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The pattern under {@code key} with {@code args} filled in. */
    public String text(String key, Object... args) {
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        synchronized (format) {
            return format.format(args);
        }
    }

    public String number(long value) {
        return text("unit.count", value);
    }

    /** Wall-clock time of day in {@code zone}, e.g. {@code 14:03:07}. */
    public String time(Instant instant) {
        return timeOfDay.format(instant);
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
