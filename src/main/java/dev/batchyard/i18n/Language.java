package dev.batchyard.i18n;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The languages Batchyard speaks. The base bundles ({@code messages.properties}) are English;
 * {@code *_pt_BR.properties} are Brazilian Portuguese.
 *
 * <p>English bundles are looked up with {@link Locale#ROOT} on purpose: asked for plain
 * {@code en}, {@link ResourceBundle#getBundle(String, Locale)} finds no {@code messages_en} and
 * falls back to the <em>OS</em> locale, so {@code --lang en} on a Brazilian desktop would print
 * Portuguese. Formatting (digits, dates) still uses {@link #locale()}.
 */
public enum Language {
    ENGLISH("en", Locale.US, Locale.ROOT),
    BRAZILIAN_PORTUGUESE("pt-BR", Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("pt-BR"));

    private final String tag;
    private final Locale locale;
    private final Locale bundleLocale;

    Language(String tag, Locale locale, Locale bundleLocale) {
        this.tag = tag;
        this.locale = locale;
        this.bundleLocale = bundleLocale;
    }

    /** What {@code --lang} takes and the preferences store: {@code en}, {@code pt-BR}. */
    public String tag() {
        return tag;
    }

    /** The locale numbers, dates and {@link java.text.MessageFormat}s are formatted in. */
    public Locale locale() {
        return locale;
    }

    /** {@code baseName}'s bundle in this language, never silently in the OS language. */
    public ResourceBundle bundle(String baseName) {
        return ResourceBundle.getBundle(baseName, bundleLocale);
    }

    /**
     * The language for a locale: any Portuguese is Brazilian Portuguese (the only one there is),
     * anything else English.
     */
    public static Language of(Locale locale) {
        return "pt".equals(locale.getLanguage()) ? BRAZILIAN_PORTUGUESE : ENGLISH;
    }

    /** The OS locale's language ({@code LANG=pt_BR.UTF-8} gives Portuguese). */
    public static Language ofSystem() {
        return of(Locale.getDefault(Locale.Category.DISPLAY));
    }

    /**
     * The language a user typed: {@code en}, {@code en-US}, {@code pt}, {@code pt-BR},
     * {@code pt_BR}, any case; empty for a language Batchyard does not speak.
     */
    public static Optional<Language> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(text.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "en" -> Optional.of(ENGLISH);
            case "pt" -> Optional.of(BRAZILIAN_PORTUGUESE);
            default -> Optional.empty();
        };
    }
}
