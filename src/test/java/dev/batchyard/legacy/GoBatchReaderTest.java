package dev.batchyard.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.gojson.GoJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoBatchReaderTest {
    private static final String SAMPLE = "batch_3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11.json";

    @TempDir
    Path dir;

    private final GoBatchReader inTest = new GoBatchReader(new GoBatchFormat(new GoJson()));

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private BatchFileResult.Rejected rejected(Path file) {
        return assertInstanceOf(BatchFileResult.Rejected.class, inTest.read(file));
    }

    @Test
    void loadsAGoSample() throws Exception {
        Path f = file(SAMPLE, GoBatchFormatTest.sample(SAMPLE));
        BatchFileResult.Loaded loaded = assertInstanceOf(BatchFileResult.Loaded.class, inTest.read(f));
        assertEquals(2, loaded.batch().entries().size());
    }

    @Test
    void classifiesAnEmptyFile() throws Exception {
        BatchFileResult.Rejected r = rejected(file("batch_a.json", new byte[0]));
        assertEquals(BatchFileProblem.EMPTY, r.problem());
        assertTrue(r.describe().contains("batch_a.json"), r.describe());
    }

    @Test
    void classifiesEveryCutOfAGoFileAsCutShort() throws Exception {
        byte[] go = GoBatchFormatTest.sample(SAMPLE);
        for (int len = 1; len < go.length; len++) {
            BatchFileResult r0 = inTest.classify(dir.resolve(SAMPLE), Arrays.copyOf(go, len));
            BatchFileResult.Rejected r = assertInstanceOf(BatchFileResult.Rejected.class, r0, "cut at " + len);
            boolean blank = new String(go, 0, len, StandardCharsets.UTF_8).isBlank();
            assertEquals(blank ? BatchFileProblem.EMPTY : BatchFileProblem.CUT_SHORT, r.problem(),
                    "cut at " + len + ": " + r.describe());
        }
    }

    @Test
    void classifiesGarbageAsNotJson() throws Exception {
        BatchFileResult.Rejected r = rejected(file("batch_a.json", "id: a\nentries: []".getBytes(StandardCharsets.UTF_8)));
        assertEquals(BatchFileProblem.NOT_JSON, r.problem());
        assertTrue(r.detail().contains("line 1"), r.detail());
    }

    @Test
    void classifiesJsonOfAnotherShapeAsNotABatch() throws Exception {
        BatchFileResult.Rejected r = rejected(file("batch_a.json",
                "{\"id\":\"a\",\"entries\":[{\"labels\":[1]}]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(BatchFileProblem.NOT_A_BATCH, r.problem());
        assertTrue(r.detail().contains("/entries/0/labels"), r.detail());
    }

    @Test
    void classifiesAnArrayAsNotABatch() throws Exception {
        assertEquals(BatchFileProblem.NOT_A_BATCH, rejected(file("batch_a.json", "[]".getBytes(StandardCharsets.UTF_8))).problem());
    }

    @Test
    void classifiesABatchUnderAnotherNameAsAnIdMismatch() throws Exception {
        BatchFileResult.Rejected r = rejected(file("batch_other.json", GoBatchFormatTest.sample(SAMPLE)));
        assertEquals(BatchFileProblem.ID_MISMATCH, r.problem());
        assertTrue(r.detail().contains("3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11"), r.detail());
    }

    @Test
    void classifiesAMissingFileAsUnreadable() {
        assertEquals(BatchFileProblem.UNREADABLE, rejected(dir.resolve("batch_gone.json")).problem());
    }
}
