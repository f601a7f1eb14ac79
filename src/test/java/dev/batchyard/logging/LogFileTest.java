package dev.batchyard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {
    @TempDir
    Path dir;
    private PrintStream saved;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void captureStderr() {
        saved = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(saved);
    }

    @Test
    void linesGoToStderrAndToTheFile() throws Exception {
        Path file = dir.resolve("logs/serve.log");
        try (LogFile inTest = LogFile.teeStandardError(file)) {
            System.err.println("[main] INFO serving on 127.0.0.1:7431");
        }

        assertEquals("[main] INFO serving on 127.0.0.1:7431\n", stderr.toString(StandardCharsets.UTF_8));
        assertEquals("[main] INFO serving on 127.0.0.1:7431\n", Files.readString(file));
    }

    @Test
    void closingPutsTheOldStderrBack() throws Exception {
        PrintStream before = System.err;
        try (LogFile inTest = LogFile.teeStandardError(dir.resolve("serve.log"))) {
            assertFalse(System.err == before);
        }
        assertTrue(System.err == before);
    }

    @Test
    void aNewFileIsTheOwnersOnlyAndAnExistingOneIsAppendedTo() throws Exception {
        Path file = dir.resolve("serve.log");
        try (LogFile first = LogFile.teeStandardError(file)) {
            System.err.println("one");
        }
        try (LogFile second = LogFile.teeStandardError(file)) {
            System.err.println("two");
        }

        assertEquals("one\ntwo\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aMissingDirectoryIsCreatedForTheOwnerOnly() throws Exception {
        Path file = dir.resolve("state/batchyard/window.log");
        try (LogFile inTest = LogFile.teeStandardError(file)) {
            System.err.println("one");
        }

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))));
    }

    @Test
    void theFileRollsOverBySizeKeepingThreeOldOnes() throws Exception {
        Path file = dir.resolve("serve.log");
        try (LogFile inTest = LogFile.teeStandardError(file, 100)) {
            for (int i = 0; i < 10; i++) {
                System.err.println(("line " + i + " ").repeat(6)); // about 50 bytes
            }
        }

        assertTrue(Files.size(file) <= 100);
        assertTrue(Files.exists(dir.resolve("serve.log.1")));
        assertTrue(Files.exists(dir.resolve("serve.log.3")));
        assertFalse(Files.exists(dir.resolve("serve.log.4")));
        assertTrue(Files.readString(file).contains("line 9"));
    }

    @Test
    void aLinkInTheFilesPlaceIsNotFollowed() throws Exception {
        Path target = dir.resolve("elsewhere");
        Files.writeString(target, "");
        Files.createSymbolicLink(dir.resolve("serve.log"), target);

        try {
            LogFile.teeStandardError(dir.resolve("serve.log")).close();
        } catch (java.io.IOException expected) {
            // refused: nothing was written through the link
        }

        assertEquals("", Files.readString(target));
    }
}
