package dev.batchyard.app.events;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/** The app's real texts for the panels' tests, read the way the app reads them. */
public final class PanelTexts {
    private PanelTexts() {
    }

    public static Formats english() {
        return in(Locale.US, ZoneOffset.UTC);
    }

    public static Formats in(Locale locale, ZoneId zone) {
        return new Formats(new Messages(locale), zone);
    }
}
