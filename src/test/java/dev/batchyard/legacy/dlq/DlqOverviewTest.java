package dev.batchyard.legacy.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlqOverviewTest {
    @TempDir
    Path tmp;

    private static String line(int i) {
        return new String(DlqSamples.sampleLines().get(i), StandardCharsets.UTF_8);
    }

    private DlqOverview.Result scan(int maxRows) {
        DlqOverview inTest = new DlqOverview(maxRows);
        new DlqDirectory(new DlqFileReader(DlqSamples.format())).scan(tmp, inTest);
        return inTest.result();
    }

    private void twoFiles() throws Exception {
        Files.writeString(tmp.resolve("dlq_20261201_174012.log"), line(0) + line(1) + line(2) + "not json\n");
        Files.writeString(tmp.resolve("dlq_20261201_180000.log"),
                line(0).replace("loki_1796", "loki_2796") + line(0).substring(0, 40));
    }

    @Test
    void countsEntriesPerFailedSinkAndErrorType() throws Exception {
        twoFiles();
        DlqOverview.Result r = scan(100);
        assertEquals(Map.of(new DlqOverview.Group("loki", "send_error"), 2L,
                new DlqOverview.Group("kafka_sink", "timeout"), 1L,
                new DlqOverview.Group("timestamp_validator", "timestamp_validation"), 1L), r.groups());
        assertEquals(4, r.entries());
    }

    @Test
    void countsEntriesAndDamagedLinesPerFile() throws Exception {
        twoFiles();
        DlqOverview.Result r = scan(100);
        assertEquals(List.of("dlq_20261201_174012.log 3 1", "dlq_20261201_180000.log 1 1"), r.files().stream()
                .map(f -> f.file().getFileName() + " " + f.entries() + " " + f.damagedLines()).toList());
        assertEquals(Map.of(LineProblem.NOT_JSON, 1L, LineProblem.CUT_SHORT, 1L), r.damagedByProblem());
    }

    @Test
    void keepsOnlyTheFirstRowsButCountsThemAll() throws Exception {
        twoFiles();
        DlqOverview.Result r = scan(2);
        assertEquals(2, r.rows().size());
        assertEquals(4, r.entries());
        assertTrue(r.truncated());
        assertFalse(scan(4).truncated());
    }

    @Test
    void aRefusedFileIsCountedWithItsProblem() throws Exception {
        Path target = Files.writeString(tmp.resolve("elsewhere"), line(0));
        Files.createSymbolicLink(tmp.resolve("dlq_20261201_174012.log"), target);
        DlqOverview.Result r = scan(100);
        assertEquals(RefusedFile.Problem.SYMLINK, r.files().get(0).refused().problem());
        assertEquals(0, r.entries());
    }
}
