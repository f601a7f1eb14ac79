package dev.batchyard.app;

import dev.batchyard.app.common.Messages;
import java.nio.file.Files;
import java.util.prefs.Preferences;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * The first start on an empty default store offers demo mode once, so a new user sees batches
 * fail, back off and get delivered instead of an empty table. Remembered either way. A store the
 * command line names, by {@code --store} or through {@code --config}, is the operator's: never offered.
 */
final class DemoOffer {
    static final String OFFERED_KEY = "demoOffered";

    private final Preferences prefs;

    DemoOffer(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Whether {@code options} are due the offer: the default store, empty, not offered before. */
    boolean due(LaunchOptions options) {
        return options.onDefaultStore() && !options.demo() && !options.readOnly()
                && !Files.isDirectory(options.store().resolve("segments")) && !prefs.getBoolean(OFFERED_KEY, false);
    }

    /** Asks when {@link #due}; the options in demo mode when the operator accepts, else as they were. */
    LaunchOptions ask(LaunchOptions options, Messages messages) {
        if (!due(options)) {
            return options;
        }
        prefs.putBoolean(OFFERED_KEY, true);
        Alert offer = new Alert(Alert.AlertType.CONFIRMATION, messages.text("demo.offer.body"),
                ButtonType.YES, ButtonType.NO);
        offer.setTitle(messages.text("demo.offer.title"));
        offer.setHeaderText(messages.text("demo.offer.header"));
        offer.getDialogPane().setId("demoOffer");
        boolean accepted = offer.showAndWait().filter(ButtonType.YES::equals).isPresent();
        return accepted ? new LaunchOptions(options.store(), options.storeGiven(), options.config(), false, true)
                : options;
    }
}
