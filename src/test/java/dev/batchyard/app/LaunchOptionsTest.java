package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    private static final Path HOME = Path.of("/home/ana");

    @Test
    void noArgumentsMeansTheStoreInTheUsersDataDirectory() {
        LaunchOptions inTest = LaunchOptions.parse(List.of(), Map.of(), HOME);

        assertEquals(Path.of("/home/ana/.local/share/batchyard/store"), inTest.store());
        assertEquals(Optional.empty(), inTest.config());
        assertFalse(inTest.readOnly());
        assertFalse(inTest.demo());
    }

    @Test
    void xdgDataHomeMovesTheDefaultStore() {
        LaunchOptions inTest = LaunchOptions.parse(List.of(), Map.of("XDG_DATA_HOME", "/data/ana"), HOME);

        assertEquals(Path.of("/data/ana/batchyard/store"), inTest.store());
    }

    @Test
    void relativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        LaunchOptions inTest = LaunchOptions.parse(List.of(), Map.of("XDG_DATA_HOME", "data"), HOME);

        assertEquals(Path.of("/home/ana/.local/share/batchyard/store"), inTest.store());
    }

    @Test
    void everyOptionIsRead() {
        LaunchOptions inTest = LaunchOptions.parse(
                List.of("--store", "/srv/store", "--config=/etc/by.yaml", "--read-only", "--demo"), Map.of(), HOME);

        assertEquals(Path.of("/srv/store"), inTest.store());
        assertEquals(Optional.of(Path.of("/etc/by.yaml")), inTest.config());
        assertTrue(inTest.readOnly());
        assertTrue(inTest.demo());
    }

    @Test
    void anUnknownArgumentIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--stor", "x"), Map.of(), HOME));

        assertTrue(e.getMessage().contains("'--stor'"), e.getMessage());
    }

    @Test
    void aMissingValueIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--store", "--demo"), Map.of(), HOME));

        assertTrue(e.getMessage().contains("'--store' needs a value"), e.getMessage());
    }
}
