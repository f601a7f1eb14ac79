package dev.batchyard.app.help;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileManagerTest {
    @TempDir
    Path dir;

    @Test
    void anOpenerThatSucceedsOpensTheFolder() throws Exception {
        new FileManager(List.of("true"), true).open(dir);
    }

    @Test
    void anOpenerThatFailsIsReportedWithTheFolder() {
        FileManager inTest = new FileManager(List.of("false"), true);

        IOException e = assertThrows(IOException.class, () -> inTest.open(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("exit status 1"), e.getMessage());
    }

    @Test
    void noOpenerOnThisMachineIsReported() {
        FileManager inTest = new FileManager(List.of("batchyard-no-such-opener"), true);

        assertThrows(IOException.class, () -> inTest.open(dir));
    }

    @Test
    void anOpenerWhoseStatusMeansNothingCountsAsOpened() throws Exception {
        new FileManager(List.of("false"), false).open(dir);
    }
}
