package dev.batchyard.app.common;

import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user-visible string of the app, by key, from {@code dev/batchyard/app/messages*.properties}.
 * Patterns are {@link MessageFormat}s in the bundle's locale, so plurals ({@code choice}) and numbers
 * are the translator's to word, not the code's (a literal apostrophe in a pattern is {@code ''}).
 * Numbers, sizes, times and durations are worded by {@link Formats}, on top of this; the engine's
 * reasons and failures by {@link #engineTexts()}, shared with the CLI.
 *
 * <p>Parsed patterns are cached: the live event stream formats thousands of lines a second, and
 * parsing a pattern costs more than filling it in. Thread-safe: the cache is concurrent, and a cached
 * format is used under its own lock, since {@code MessageFormat} is not.
 */
public final class Messages {
    public static final String BUNDLE = "dev.batchyard.app.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Map<String, MessageFormat> patterns = new ConcurrentHashMap<>();

    /** The bundle of {@code locale}'s language (English unless Portuguese), formatted for {@code locale}. */
    public Messages(Locale locale) {
        // not ResourceBundle.getBundle(BUNDLE, locale): for "en" it would fall back to the OS's language
        this(Language.of(locale).bundle(BUNDLE), locale);
    }

    public Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    public Locale locale() {
        return locale;
    }

    /** The engine's reasons and failures in this language (a bundle shared with the CLI). */
    public EngineTexts engineTexts() {
        return new EngineTexts(Language.of(locale));
    }

    /** Whether the bundle has {@code key}: for keys built from a value the engine may extend. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key} as written; a missing key fails loudly, naming it, rather than showing it. */
    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("no message '" + key + "' in " + BUNDLE + " for "
                    + locale, BUNDLE, key);
        }
    }

    /** The pattern for {@code key} filled with {@code args} in this locale. */
    public String format(String key, Object... args) {
        MessageFormat pattern = patterns.computeIfAbsent(key, k -> new MessageFormat(text(k), locale));
        synchronized (pattern) {
            return pattern.format(args);
        }
    }
}
