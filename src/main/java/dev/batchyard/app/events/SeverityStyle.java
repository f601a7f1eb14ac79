package dev.batchyard.app.events;

import java.util.Locale;
import javafx.css.PseudoClass;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * How a severity looks: an icon and a colour taken from the AtlantaFX theme's looked-up colours,
 * so the light and dark variants both read well.
 */
public final class SeverityStyle {
    private SeverityStyle() {
    }

    static String colour(Severity severity) {
        switch (severity) {
            case SUCCESS: return "-color-success-fg";
            case WARNING: return "-color-warning-fg";
            case DANGER: return "-color-danger-fg";
            default: return "-color-fg-muted";
        }
    }

    /** The style class of icons coloured by {@link #show} (see app.css). */
    static final String ICON_CLASS = "severity-icon";

    /**
     * Turns a reused icon into the given severity's: its glyph and a pseudo-class that app.css
     * colours. Cheaper than a new icon or a new inline style, which both re-run CSS from scratch.
     */
    static void show(FontIcon icon, Severity severity) {
        icon.setIconCode(ikon(severity));
        for (Severity s : Severity.values()) {
            icon.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)), s == severity);
        }
    }

    static FontIcon icon(Severity severity) {
        FontIcon icon = new FontIcon(ikon(severity));
        tint(icon, colour(severity));
        return icon;
    }

    /**
     * Colours an icon with a looked-up theme colour. Appends to the icon's style because Ikonli
     * keeps the icon font's family there: replacing the style turns the glyph into a box.
     */
    public static void tint(FontIcon icon, String lookedUpColour) {
        String own = icon.getStyle() == null ? "" : icon.getStyle().replaceAll("-fx-icon-color:[^;]*;", "");
        icon.setStyle(own + "-fx-icon-color: " + lookedUpColour + ";");
    }

    private static Ikon ikon(Severity severity) {
        switch (severity) {
            case SUCCESS: return MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case WARNING: return MaterialDesignA.ALERT_OUTLINE;
            case DANGER: return MaterialDesignA.ALERT_OCTAGON;
            default: return MaterialDesignI.INFORMATION_OUTLINE;
        }
    }
}
