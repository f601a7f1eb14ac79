package dev.batchyard.cli;

import dev.batchyard.i18n.Language;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The CLI's human-readable strings, from {@code dev/batchyard/cli/messages*.properties}, so a
 * translation is a new bundle and no code; numbers and times in human output are formatted for
 * the language too. {@code --json} output never goes through here in a language other than
 * English: it is the same in every locale.
 */
public final class Messages {
    public static final String BUNDLE = "dev.batchyard.cli.messages";

    private final Language language;
    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter dateTime;

    public Messages(Language language, ZoneId zone) {
        this.language = language;
        this.locale = language.locale();
        this.bundle = language.bundle(BUNDLE);
        // short date, time with seconds: "26/11/2026 18:00:00" / "11/26/26, 6:00:00 PM"
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone);
    }

    /** The text for {@code key} with {@link MessageFormat} arguments filled in. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The resource bundle itself, for picocli's usage help. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** A count or size with the locale's digit grouping: 12,345 / 12.345. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A time for a table cell, in the CLI's zone; empty for none. */
    public String time(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String time(OffsetDateTime time) {
        return time == null ? "" : time(time.toInstant());
    }

    /** How long something took, e.g. {@code 85 ms}. */
    public String millis(Duration duration) {
        return get("unit.millis", duration.toMillis());
    }
}
