package dev.batchyard.app.common;

import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible string, by key, from {@code dev/batchyard/app/messages*.properties}. Patterns
 * are {@link MessageFormat}s in the bundle's locale, so plurals ({@code choice}) and numbers are
 * the translator's to word, not the code's.
 */
public final class Messages {
    public static final String BUNDLE = "dev.batchyard.app.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    /** The bundle of {@code locale}'s language (English unless Portuguese), formatted for {@code locale}. */
    public Messages(Locale locale) {
        // not ResourceBundle.getBundle(BUNDLE, locale): for "en" it would fall back to the OS's language
        this(Language.of(locale).bundle(BUNDLE), locale);
    }

    public Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The engine's reasons and failures in this language (a bundle shared with the CLI). */
    public EngineTexts engineTexts() {
        return new EngineTexts(Language.of(locale));
    }

    /** The text for {@code key}; a missing key fails loudly, naming it, rather than showing it. */
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
        return new MessageFormat(text(key), locale).format(args);
    }
}
