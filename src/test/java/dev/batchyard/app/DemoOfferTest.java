package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo mode is offered once, on the user's empty default store, and on no store the command line names. */
class DemoOfferTest {
    @TempDir
    Path home;
    private final Preferences prefs = MemoryPreferences.node();
    private final DemoOffer inTest = new DemoOffer(prefs);

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void anEmptyDefaultStoreIsOfferedDemoMode() {
        assertTrue(inTest.due(LaunchOptions.parse(List.of(), Map.of(), home)));
    }

    @Test
    void aStoreNamedThroughTheConfigIsNotOfferedDemoModeThoughTheDefaultStoreIsEmpty() throws Exception {
        Path full = Files.createDirectories(home.resolve("full").resolve("segments")).getParent();
        Path config = Files.writeString(home.resolve("config.yaml"), "persistence:\n  directory: " + full + "\n");

        assertFalse(inTest.due(LaunchOptions.parse(List.of("--config", config.toString()), Map.of(), home)));
    }

    @Test
    void aStoreNamedByStoreIsNotOfferedDemoMode() {
        assertFalse(inTest.due(LaunchOptions.parse(List.of("--store", home.resolve("s").toString()), Map.of(), home)));
    }

    @Test
    void theOfferIsMadeOnce() {
        prefs.putBoolean(DemoOffer.OFFERED_KEY, true);

        assertFalse(inTest.due(LaunchOptions.parse(List.of(), Map.of(), home)));
    }
}
