package dev.batchyard.legacy.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlqDirectoryTest {
    @TempDir
    Path tmp;

    private final DlqDirectory inTest = new DlqDirectory(new DlqFileReader(DlqSamples.format()));

    private static String line(int i) {
        return new String(DlqSamples.sampleLines().get(i), StandardCharsets.UTF_8);
    }

    private void file(String name, String content) throws Exception {
        Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void filesAreTakenInTheOrderOfTheTimeInTheirNameThenLinesInOrder() throws Exception {
        file("dlq_20261201_180000.log", line(2));
        file("dlq_20261130_235959.log", line(1) + line(0));
        file("dlq_20261201_090000.log", "");
        Collected c = new Collected();
        inTest.scan(tmp, c);
        assertEquals(List.of("dlq_20261130_235959.log:1", "dlq_20261130_235959.log:2", "dlq_20261201_180000.log:1"),
                c.places());
    }

    @Test
    void namesWithoutAValidTimeComeLastByName() throws Exception {
        file("dlq_zz.log", "");
        file("dlq_20261399_000000.log", "");
        file("dlq_20261201_180000.log", "");
        file("dlq_backup.log", "");
        file("other.log", "");
        file("dlq_20261201_180000.log.1", "");
        assertEquals(List.of("dlq_20261201_180000.log", "dlq_20261399_000000.log", "dlq_backup.log", "dlq_zz.log"),
                inTest.files(tmp).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theTimeInTheNameIsTheLocalTimeTheAgentOpenedTheFile() {
        assertEquals(Optional.of(LocalDateTime.of(2026, 12, 1, 17, 40, 12)),
                DlqDirectory.openedAt(Path.of("dlq_20261201_174012.log")));
        assertEquals(Optional.empty(), DlqDirectory.openedAt(Path.of("dlq_20260230_174012.log")));
        assertEquals(Optional.empty(), DlqDirectory.openedAt(Path.of("batch_x.json")));
    }

    @Test
    void aDirectoryWithDeadLetterFilesIsRecognised() throws Exception {
        assertFalse(DlqDirectory.holdsDeadLetters(tmp));
        file("batch_1.json", "{}");
        assertFalse(DlqDirectory.holdsDeadLetters(tmp));
        file("dlq_20261201_174012.log", "");
        assertTrue(DlqDirectory.holdsDeadLetters(tmp));
        assertFalse(DlqDirectory.holdsDeadLetters(tmp.resolve("missing")));
    }

    @Test
    void aScanChangesNothingInTheDirectory() throws Exception {
        file("dlq_20261201_174012.log", line(0) + line(1) + line(2).substring(0, 99));
        file("dlq_20261201_174013.log", "garbage\n");
        Files.createSymbolicLink(tmp.resolve("dlq_20261201_174014.log"), tmp.resolve("dlq_20261201_174012.log"));
        Map<String, String> before = DirectoryHashes.of(tmp);
        Collected c = new Collected();
        inTest.scan(tmp, c);
        assertEquals(before, DirectoryHashes.of(tmp));
        assertEquals(2, c.letters.size());
        assertEquals(List.of("dlq_20261201_174012.log:3", "dlq_20261201_174013.log:1"),
                c.damaged.stream().map(d -> d.file().getFileName() + ":" + d.line()).toList());
        assertEquals(1, c.refused.size());
    }

    @Test
    void aMissingDirectoryFailsNamingIt() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> inTest.scan(tmp.resolve("nope"), new Collected()));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
