package dev.batchyard.app.common;

import dev.batchyard.i18n.Language;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Which language the app speaks: {@code --lang} for this run, else the one picked in
 * View › Language (remembered per user), else the OS's.
 */
public final class LanguageChoice {
    static final String KEY = "language";

    private final Preferences prefs;

    public LanguageChoice(Preferences prefs) {
        this.prefs = prefs;
    }

    public Language resolve(Optional<Language> fromCommandLine) {
        return fromCommandLine.or(this::remembered).orElseGet(Language::ofSystem);
    }

    public Optional<Language> remembered() {
        return Language.parse(prefs.get(KEY, null));
    }

    public void remember(Language language) {
        prefs.put(KEY, language.tag());
    }

    /** The app's texts in {@code language}, never silently in the OS's (see {@link Language#bundle}). */
    public static Messages messages(Language language) {
        return new Messages(language.bundle(Messages.BUNDLE), language.locale());
    }
}
