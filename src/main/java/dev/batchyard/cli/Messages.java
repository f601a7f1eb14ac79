package dev.batchyard.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The CLI's human-readable strings, from {@code dev/batchyard/cli/messages*.properties}, so a
 * translation is a new bundle and no code. {@code --json} output never goes through here: it is
 * the same in every locale.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.batchyard.cli.messages", locale);
    }

    /** The text for {@code key} with {@link MessageFormat} arguments filled in. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public Locale locale() {
        return locale;
    }
}
