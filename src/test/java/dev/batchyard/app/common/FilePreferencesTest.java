package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePreferencesTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("config").resolve("batchyard").resolve("preferences.json");
    }

    @Test
    void valuesAndNodesComeBackAfterAFlushAndAReopen() throws Exception {
        FilePreferences inTest = FilePreferences.open(file());
        inTest.put("language", "pt-BR");
        inTest.node("layout").putDouble("divider", 0.62);
        inTest.node("layout/columns").put("batches", "id:120,sink:80");
        inTest.flush();

        FilePreferences reopened = FilePreferences.open(file());

        assertEquals("pt-BR", reopened.get("language", null));
        assertEquals(0.62, reopened.node("layout").getDouble("divider", 0));
        assertEquals("id:120,sink:80", reopened.node("layout/columns").get("batches", null));
        assertArrayEquals(new String[] {"layout"}, reopened.childrenNames());
    }

    @Test
    void theFileAndItsDirectoryAreTheOwnersOnly() throws Exception {
        FilePreferences inTest = FilePreferences.open(file());
        inTest.put("theme", "dark");
        inTest.flush();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));
    }

    @Test
    void nothingIsWrittenUntilSomethingChanges() throws Exception {
        FilePreferences inTest = FilePreferences.open(file());
        inTest.get("theme", "light");
        inTest.flush();

        assertFalse(Files.exists(file()));
    }

    @Test
    void changesAreKeptOnlyOnceFlushed() throws Exception {
        FilePreferences inTest = FilePreferences.open(file());
        inTest.put("theme", "dark");

        assertNull(FilePreferences.open(file()).get("theme", null), "not written before the flush");
    }

    @Test
    void aRemovedNodeIsGoneFromTheFile() throws Exception {
        FilePreferences inTest = FilePreferences.open(file());
        inTest.node("layout").put("divider", "0.5");
        inTest.put("theme", "dark");
        inTest.flush();
        inTest.node("layout").removeNode();
        inTest.flush();

        FilePreferences reopened = FilePreferences.open(file());
        assertFalse(reopened.nodeExists("layout"));
        assertEquals("dark", reopened.get("theme", null));
    }

    @Test
    void anUnreadableFileIsSetAsideAndTheWindowStartsWithDefaults() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"/\": {\"theme\": \"dark\"");

        FilePreferences inTest = FilePreferences.open(file());

        assertNull(inTest.get("theme", null));
        assertEquals("{\"/\": {\"theme\": \"dark\"", Files.readString(file().resolveSibling("preferences.json.unreadable")));
        inTest.put("theme", "light");
        inTest.flush();
        assertEquals("light", FilePreferences.open(file()).get("theme", null));
    }

    @Test
    void aFileOfAnotherShapeIsSetAsideToo() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "[1, 2, 3]");

        assertEquals(0, FilePreferences.open(file()).keys().length);
        assertTrue(Files.exists(file().resolveSibling("preferences.json.unreadable")));
    }

    @Test
    void whatAnEarlierVersionKeptInJavaPrefsIsCopiedOnTheFirstOpenOnly() throws Exception {
        String path = "dev/batchyard/test-" + UUID.randomUUID();
        Preferences earlier = Preferences.userRoot().node(path);
        try {
            earlier.put("language", "pt-BR");
            earlier.node("layout").put("divider", "0.4");

            FilePreferences inTest = FilePreferences.open(file(), Preferences.userRoot(), path);

            assertEquals("pt-BR", inTest.get("language", null));
            assertEquals("0.4", inTest.node("layout").get("divider", null));
            assertTrue(Files.exists(file()), "copied in and written at once");
            earlier.put("language", "en");
            assertEquals("pt-BR", FilePreferences.open(file(), Preferences.userRoot(), path).get("language", null),
                    "the file, once there, is what counts");
        } finally {
            earlier.removeNode();
        }
    }

    @Test
    void anEarlierNodeThatDoesNotExistIsNotCreated() throws Exception {
        String path = "dev/batchyard/absent-" + UUID.randomUUID();

        FilePreferences.open(file(), Preferences.userRoot(), path);

        assertFalse(Preferences.userRoot().nodeExists(path));
    }

    @Test
    void theFileIsInTheXdgConfigDirectoryWhenItIsAbsolute() {
        Path home = Path.of("/home/ana");

        assertEquals(Path.of("/cfg/batchyard/preferences.json"),
                FilePreferences.defaultFile(Map.of("XDG_CONFIG_HOME", "/cfg"), home));
        assertEquals(Path.of("/home/ana/.config/batchyard/preferences.json"),
                FilePreferences.defaultFile(Map.of("XDG_CONFIG_HOME", "relative"), home));
        assertEquals(Path.of("/home/ana/.config/batchyard/preferences.json"), FilePreferences.defaultFile(Map.of(), home));
    }

    @Test
    void keysAndValuesWithAnyCharacterSurvive() throws Exception {
        FilePreferences inTest = FilePreferences.open(file());
        inTest.put("a key: with \"quotes\"", "line\nbreak\u0001\u2028");
        inTest.flush();

        assertEquals("line\nbreak\u0001\u2028", FilePreferences.open(file()).get("a key: with \"quotes\"", null));
    }
}
