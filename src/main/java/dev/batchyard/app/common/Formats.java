package dev.batchyard.app.common;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;

/**
 * Locale-aware rendering of counts, sizes, instants and durations, for every view of the app. The
 * words and units come from the bundle ({@code unit.*}, {@code relative.*}), the digits from the
 * locale, so a translation needs no code. Thread-safe (the date formatters are immutable, the
 * patterns cached by {@link Messages}).
 */
public final class Formats {
    private static final long KIB = 1024;
    private static final String[] UNITS = {"unit.kib", "unit.mib", "unit.gib", "unit.tib"};
    private static final String[] IEC_UNITS = {"unit.iec.kib", "unit.iec.mib", "unit.iec.gib"};

    private final Messages messages;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter shortDateTime;
    private final DateTimeFormatter timeOfDay;

    public Formats(Messages messages, ZoneId zone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.locale()).withZone(zone);
        this.shortDateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(messages.locale()).withZone(zone);
        this.timeOfDay = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(messages.locale()).withZone(zone);
    }

    public Messages messages() {
        return messages;
    }

    public String count(long n) {
        return NumberFormat.getIntegerInstance(messages.locale()).format(n);
    }

    /** 512 B, 1.5 KB, 12.0 MB, ... (binary multiples, labelled as file managers do): tables, status bar. */
    public String bytes(long n) {
        return bytes(n, UNITS);
    }

    /** 512 B, 47.2 KiB, 5.0 MiB, ... (binary multiples with IEC labels): the live event stream's wording. */
    public String iecBytes(long n) {
        return bytes(n, IEC_UNITS);
    }

    private String bytes(long n, String[] unitKeys) {
        if (n < KIB) {
            return messages.format("unit.bytes", n);
        }
        double value = n;
        int i = -1;
        while (value >= KIB && i < unitKeys.length - 1) {
            value /= KIB;
            i++;
        }
        return messages.format(unitKeys[i], value);
    }

    /** A span to the second or coarser: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; negative is treated as zero. */
    public String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return messages.format("unit.seconds", s);
        }
        if (s < 3600) {
            return messages.format("unit.minutes", s / 60);
        }
        if (s < 86_400) {
            return messages.format("unit.hoursMinutes", s / 3600, (s % 3600) / 60);
        }
        return messages.format("unit.daysHours", s / 86_400, (s % 86_400) / 3600);
    }

    /** How long an attempt took: "85 ms", "2.4 s", then as {@link #duration}. */
    public String millis(Duration d) {
        return d.toMillis() < 60_000 ? elapsed(d) : duration(d);
    }

    /** How long an engine operation took: "850 ms", "1.2 s", "3 min 5 s", "25 h 0 min"; negative is zero. */
    public String elapsed(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return messages.format("unit.millis", ms);
        }
        if (ms < 60_000) {
            return messages.format("unit.secondsFraction", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return messages.format("unit.minutesSeconds", s / 60, s % 60);
        }
        return messages.format("unit.hoursMinutes", s / 3600, (s % 3600) / 60);
    }

    /** "in 12 s" for a future instant, "12 s ago" for a past one. */
    public String relative(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        return d.isNegative()
                ? messages.format("relative.past", duration(d.negated()))
                : messages.format("relative.future", duration(d));
    }

    public String dateTime(Instant when) {
        return dateTime.format(when);
    }

    public String dateTime(OffsetDateTime when) {
        return dateTime.format(when.toInstant());
    }

    /** Compact date and time with seconds, for table cells. */
    public String shortDateTime(Instant when) {
        return shortDateTime.format(when);
    }

    /** Wall-clock time of day in {@link #zone()}, e.g. {@code 2:03:07 PM}. */
    public String time(Instant when) {
        return timeOfDay.format(when);
    }

    public ZoneId zone() {
        return zone;
    }
}
