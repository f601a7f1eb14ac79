package dev.batchyard.app.events;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.ResourceBundle;

/** The panels' real resource bundle, read the way the app reads it. */
public final class PanelTexts {
    public static final String BUNDLE = "dev.batchyard.app.messages_panels";

    private PanelTexts() {
    }

    public static LocalizedText english() {
        return in(Locale.US, ZoneOffset.UTC);
    }

    public static LocalizedText in(Locale locale, ZoneId zone) {
        return new LocalizedText(ResourceBundle.getBundle(BUNDLE, locale), locale, zone);
    }
}
