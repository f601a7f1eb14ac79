package dev.batchyard.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The light/dark AtlantaFX theme, remembered in the user's preferences. The theme is the
 * application-wide user-agent stylesheet, so dialogs follow it too.
 */
public final class ThemeSwitcher {
    static final String KEY = "theme.dark";

    private final Preferences prefs;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public ThemeSwitcher(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Applies the remembered theme (light when none). */
    public void applyRemembered() {
        apply(prefs.getBoolean(KEY, false));
    }

    public void toggle() {
        apply(!dark.get());
    }

    public void apply(boolean wantDark) {
        Application.setUserAgentStylesheet(wantDark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        dark.set(wantDark);
        prefs.putBoolean(KEY, wantDark);
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
