package dev.batchyard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDirectoryTest {
    private static final Path HOME = Path.of("/home/ana");

    @Test
    void xdgStateHomeIsUsedWhenAbsolute() {
        assertEquals(Path.of("/var/state/ana/batchyard"), StateDirectory.of(Map.of("XDG_STATE_HOME", "/var/state/ana"), HOME));
    }

    @Test
    void withoutXdgStateHomeItIsUnderTheHomesLocalState() {
        assertEquals(Path.of("/home/ana/.local/state/batchyard"), StateDirectory.of(Map.of(), HOME));
    }

    @Test
    void aRelativeOrBlankXdgStateHomeIsIgnored() {
        assertEquals(Path.of("/home/ana/.local/state/batchyard"), StateDirectory.of(Map.of("XDG_STATE_HOME", "state"), HOME));
        assertEquals(Path.of("/home/ana/.local/state/batchyard"), StateDirectory.of(Map.of("XDG_STATE_HOME", " "), HOME));
    }

    @Test
    void theWindowLogIsWindowLogInIt() {
        assertEquals(Path.of("/home/ana/.local/state/batchyard/window.log"), StateDirectory.windowLog(Map.of(), HOME));
    }
}
