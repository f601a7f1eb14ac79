package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchIds;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reliability suite, hostile input: batch ids. The engine holds ids to a file-name-safe ASCII
 * alphabet ({@link BatchIds}), so look-alike and differently normalised Unicode ids cannot exist
 * next to the ASCII ones they imitate, and no id leads a file out of its directory. Checked end to
 * end: persist, reopen, export, import, and Go files whose ids are odd.
 */
class HostileBatchIdsTest {
    /** Legal ids at the edges of the alphabet: every allowed punctuation, one character, the longest. */
    static final List<String> EDGE_IDS = List.of("0", "A.b_c:d-e", "batch-1764160000000000000", "x..y",
            "Batch-1", "batch-1", "z" + "9".repeat(BatchIds.MAX_LENGTH - 1));

    @TempDir
    Path tmp;

    CliHarness inTest;

    @BeforeEach
    void setUp() {
        inTest = new CliHarness(tmp.resolve("store"));
    }

    private static Set<String> ids(BatchPersistence engine) {
        return engine.query(BatchQuery.all()).stream().map(BatchView::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Path> tree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The Go sample batch with its id replaced by {@code id} (JSON-escaped). */
    private static String goFileWithId(String id) {
        String sample = new String(Samples.goFile(Samples.LOKI_ID), StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder();
        id.chars().forEach(c -> escaped.append(c < 0x20 || c == '"' || c == '\\'
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sample.replace("\"" + Samples.LOKI_ID + "\"", "\"" + escaped + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../../etc/passwd", "a/b", "/abs", "a\\b", "nul\u0000x", "new\nline", "tab\tid",
        "..", ".", ".hidden", "-flag", "sp ace", "\u202Eevil", ""})
    void aHostileIdIsRefusedByTheEngineNamingTheProblem(String id) {
        try (BatchPersistence engine = inTest.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.persistBatch(id, Samples.entries(1), "loki"));

            assertTrue(e.getMessage().startsWith("batch id"), e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 || c > 0x7e), "printable: " + e.getMessage());
            assertEquals(Set.of(), ids(engine));
        }
    }

    @Test
    void aTenKilobyteIdIsRefusedByItsLengthWithoutEchoingIt() {
        String id = "a".repeat(10 * 1024);
        try (BatchPersistence engine = inTest.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.persistBatch(id, Samples.entries(1), "loki"));

            assertEquals("batch id is 10240 characters long, at most 200 are allowed", e.getMessage());
        }
    }

    @Test
    void lookAlikeAndDenormalisedIdsNeverJoinOrShadowTheAsciiBatch() {
        String latin = "cafe-a1";
        String cyrillicA = "cafe-\u04301";                                // Cyrillic а looks like Latin a
        String fullwidth = "\uff43afe-a1";                                // fullwidth ｃ
        String nfc = Normalizer.normalize("caf\u00e9-a1", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("caf\u00e9-a1", Normalizer.Form.NFD);
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch(latin, Samples.entries(2), "loki");
            for (String lookAlike : List.of(cyrillicA, fullwidth, nfc, nfd)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> engine.persistBatch(lookAlike, Samples.entries(5), "loki"));
                assertTrue(e.getMessage().contains("\\u"), "the odd character is shown escaped: " + e.getMessage());
                assertTrue(engine.find(lookAlike).isEmpty());
            }
            assertEquals(2, engine.find(latin).orElseThrow().entryCount());
        }
        try (BatchPersistence engine = inTest.open()) {
            assertEquals(Set.of(latin), ids(engine));
        }
    }

    @Test
    void idsAtTheEdgesOfTheAlphabetSurvivePersistReopenExportAndImport() throws IOException {
        try (BatchPersistence engine = inTest.open()) {
            for (String id : EDGE_IDS) {
                engine.persistBatch(id, Samples.entries(2), "loki");
            }
        }
        Path out = tmp.resolve("out");

        CliHarness.Run export = inTest.onStore("export", "--all", "--go-dir", out.toString());

        assertEquals(0, export.code(), export::toString);
        Set<Path> expected = new TreeSet<>(Set.of(out));
        EDGE_IDS.forEach(id -> expected.add(out.resolve("batch_" + id + ".json")));
        assertEquals(expected, tree(out), "one file per id, case kept apart, all inside OUT");

        CliHarness again = new CliHarness(tmp.resolve("store2"));
        CliHarness.Run imported = again.onStore("import-go", out.toString());

        assertEquals(0, imported.code(), imported::toString);
        try (BatchPersistence engine = again.open()) {
            assertEquals(new TreeSet<>(EDGE_IDS), ids(engine));
            EDGE_IDS.forEach(id -> assertEquals(2, engine.find(id).orElseThrow().entryCount(), id));
        }
    }

    @Test
    void exportNeverWritesOutsideItsDirectoryWhateverIdsItIsGiven() throws IOException {
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("x", Samples.entries(1), "loki");
        }
        Path out = Files.createDirectories(tmp.resolve("deep/out"));
        Set<Path> before = tree(tmp);

        CliHarness.Run run = inTest.onStore("export", "../x", "../../x", "/x", "x/../../x", "..", "nul\u0000",
                "--go-dir", out.toString());

        assertEquals(1, run.code(), run::toString);
        assertEquals(before, tree(tmp), "nothing written anywhere");
        assertEquals(6, run.out().lines().filter(l -> l.contains("batch id")).count(), run::toString);
        assertFalse(run.out().contains("\u0000"), "the NUL is shown escaped");
    }

    @Test
    void goFilesWithOddIdsAreSkippedWithTheReasonAndTheGoodOnesImported() throws IOException {
        Path go = Samples.goDirectory(tmp.resolve("go"));
        Files.writeString(go.resolve("batch_caf\u0435-1.json"), goFileWithId("caf\u0435-1"));      // Cyrillic е
        Files.writeString(go.resolve("batch_sp ace.json"), goFileWithId("sp ace"));
        Files.writeString(go.resolve("batch_..json"), goFileWithId("."));
        Files.writeString(go.resolve("batch_" + "b".repeat(240) + ".json"), goFileWithId("b".repeat(240)));
        Files.writeString(go.resolve("batch_x.json"), goFileWithId("../x"));                       // id escapes
        Files.writeString(go.resolve("batch_y.json"), goFileWithId("y\u0000z"));                  // NUL inside
        Set<Path> goBefore = tree(go);

        CliHarness.Run run = inTest.onStore("import-go", go.toString());

        assertEquals(0, run.code(), "odd files are expected in a Go directory: " + run);
        assertTrue(run.out().contains("imported 2, skipped 6"), run::toString);
        assertEquals(4, run.out().lines().filter(l -> l.contains("not a valid batch id")).count(), run::toString);
        assertEquals(2, run.out().lines().filter(l -> l.contains("the file name and the id inside differ")).count(),
                run::toString);
        assertFalse(run.out().chars().anyMatch(c -> c < 0x20 && c != '\n'), "no control characters reach the terminal");
        assertEquals(goBefore, tree(go), "the Go directory is only read");
        try (BatchPersistence engine = inTest.open()) {
            assertEquals(Set.of(Samples.LOKI_ID, Samples.ES_ID), ids(engine));
        }
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void goFileNamesWithControlCharactersAreShownEscapedOnOneLineEach() throws IOException {
        Path go = Files.createDirectories(tmp.resolve("go"));
        Files.writeString(go.resolve("batch_a\nb.json"), "not json");
        Files.writeString(go.resolve("batch_\u001b[2Jc.json"), "not json");

        CliHarness.Run run = inTest.onStore("import-go", go.toString());

        assertEquals(List.of("skipped batch_\\u001B[2Jc.json: not JSON", "skipped batch_a\\u000Ab.json: not JSON"),
                run.out().lines().filter(l -> l.startsWith("skipped")).map(l -> l.replaceAll(" \\(.*", "")).sorted()
                        .toList(), run::toString);
    }
}
