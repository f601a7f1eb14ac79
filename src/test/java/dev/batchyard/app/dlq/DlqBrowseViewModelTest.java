package dev.batchyard.app.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.OneLine;
import dev.batchyard.legacy.dlq.DeadLetter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlqBrowseViewModelTest {
    @TempDir
    Path tmp;

    private final DlqBrowseViewModel inTest = new DlqBrowseViewModel(DlqBrowseViewModel.standardScan(),
            new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH));

    static String sample() throws Exception {
        try (InputStream in = DlqBrowseViewModelTest.class.getResourceAsStream("/legacy-go-dlq/dlq_20261201_174012.log")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The sample, a second file with one more loki entry and a cut line, and a file of text lines. */
    static void directory(Path dir) throws Exception {
        String sample = sample();
        String firstLine = sample.substring(0, sample.indexOf('\n') + 1);
        Files.writeString(dir.resolve("dlq_20261201_174012.log"), sample);
        Files.writeString(dir.resolve("dlq_20261201_180000.log"), firstLine.replace("loki_1796", "loki_2796")
                .replace("\"send_error\"", "\"timeout\"") + firstLine.substring(0, 80));
        Files.writeString(dir.resolve("dlq_20261201_190000.log"),
                "[2026-12-01T19:00:00-03:00] SINK:loki ERROR:send_error RETRY:1 MSG:m ORIGINAL:o\n");
    }

    @BeforeEach
    void load() throws Exception {
        directory(tmp);
        inTest.load(tmp);
    }

    private List<String> sinks() {
        return inTest.entries().stream().map(l -> l.failure().sink()).toList();
    }

    @Test
    void groupsEntriesByFailedSinkThenErrorTypeWithCounts() {
        assertEquals(List.of(new DlqGroupRow("loki", null, 2), new DlqGroupRow("loki", "send_error", 1),
                new DlqGroupRow("loki", "timeout", 1), new DlqGroupRow("kafka_sink", null, 1),
                new DlqGroupRow("kafka_sink", "timeout", 1), new DlqGroupRow("timestamp_validator", null, 1),
                new DlqGroupRow("timestamp_validator", "timestamp_validation", 1)), inTest.groups());
    }

    @Test
    void choosingAGroupShowsItsEntriesAndNoneShowsAll() {
        assertEquals(List.of("loki", "kafka_sink", "timestamp_validator", "loki"), sinks());
        inTest.choose(new DlqGroupRow("loki", null, 2));
        assertEquals(List.of("dlq_20261201_174012.log:1", "dlq_20261201_180000.log:1"),
                inTest.entries().stream().map(DeadLetter::place).toList());
        inTest.choose(new DlqGroupRow("loki", "timeout", 1));
        assertEquals(List.of("dlq_20261201_180000.log:1"), inTest.entries().stream().map(DeadLetter::place).toList());
        inTest.choose(null);
        assertEquals(4, inTest.entries().size());
    }

    @Test
    void countsEntriesAndDamagedLinesPerFile() {
        assertEquals(List.of("dlq_20261201_174012.log 3 0", "dlq_20261201_180000.log 1 1", "dlq_20261201_190000.log 0 1"),
                inTest.files().stream().map(f -> f.name() + " " + f.entries() + " " + f.damagedLines()).toList());
        assertEquals("Dec 1, 2026, 5:40:12 PM", inTest.files().get(0).openedAt().replace('\u202f', ' '));
    }

    @Test
    void namesEachLineNotTakenInWithItsFileAndLine() {
        assertEquals(2, inTest.damagedLines().size());
        assertTrue(inTest.damagedLines().get(0).startsWith("dlq_20261201_180000.log:2: cut short"),
                inTest.damagedLines().get(0));
        assertTrue(inTest.damagedLines().get(1).startsWith("dlq_20261201_190000.log:1: text format: written with json_format: false"),
                inTest.damagedLines().get(1));
    }

    @Test
    void summarisesEntriesFilesAndLinesNotTakenIn() {
        assertEquals("4 entries in 3 files; 2 lines not taken in", inTest.summaryProperty().get());
        assertFalse(inTest.loadingProperty().get());
    }

    @Test
    void aDirectoryThatCannotBeReadSaysSo() {
        inTest.load(tmp.resolve("missing"));
        assertTrue(inTest.failureProperty().get().startsWith("The dead-letter directory could not be read"),
                inTest.failureProperty().get());
        assertFalse(inTest.loadingProperty().get());
    }

    @Test
    void browsingChangesNothingInTheDirectory() throws Exception {
        Map<String, String> before = snapshot(tmp);
        inTest.load(tmp);
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void controlCharactersAreShownAsEscapesOnOneLine() {
        assertEquals("a\\nb\\u001b[31m\\u2028c\\t", OneLine.of("a\nb\u001b[31m\u2028c\t"));
        assertEquals("plain é 😀", OneLine.of("plain é 😀"));
    }

    /** Each file's name, bytes and modification time. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Arrays.toString(Files.readAllBytes(p)) + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
