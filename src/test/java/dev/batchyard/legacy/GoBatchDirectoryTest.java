package dev.batchyard.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.codec.gojson.GoJson;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoBatchDirectoryTest {
    private static final String A = "batch_3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11.json";
    private static final String B = "batch_batch-1764160000000000000.json";

    @TempDir
    Path dir;

    private final GoBatchFormat format = new GoBatchFormat(new GoJson());
    private final GoBatchDirectory inTest = new GoBatchDirectory(new GoBatchReader(format));

    private Map<String, Object> snapshot() throws Exception {
        Map<String, Object> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), List.of(new String(Files.readAllBytes(p), "UTF-8"),
                        Files.getLastModifiedTime(p)));
            }
        }
        return out;
    }

    @Test
    void scansBatchFilesInNameOrderAndReportsTheBadOnes() throws Exception {
        Files.write(dir.resolve(B), GoBatchFormatTest.sample(B));
        Files.write(dir.resolve(A), GoBatchFormatTest.sample(A));
        Files.write(dir.resolve("batch_empty.json"), new byte[0]);
        Files.writeString(dir.resolve("notes.txt"), "not a batch file");
        GoBatchDirectory.Scan scan = inTest.scan(dir);
        assertEquals(List.of(dir.resolve(A), dir.resolve(B)), scan.loaded().stream().map(BatchFileResult::file).toList());
        assertEquals(List.of(BatchFileProblem.EMPTY), scan.rejected().stream().map(BatchFileResult.Rejected::problem).toList());
    }

    @Test
    void leavesTheDirectoryExactlyAsItWas() throws Exception {
        Files.write(dir.resolve(A), GoBatchFormatTest.sample(A));
        Files.write(dir.resolve("batch_cut.json"), new byte[] {'{'});
        Files.setLastModifiedTime(dir.resolve(A), FileTime.fromMillis(1_000_000_000_000L));
        Map<String, Object> before = snapshot();
        inTest.scan(dir);
        assertEquals(before, snapshot());
    }

    @Test
    void failsNamingADirectoryThatDoesNotExist() {
        Path missing = dir.resolve("nope");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> inTest.scan(missing));
        assertEquals(true, e.getMessage().contains(missing.toString()));
    }

    @Test
    void writerProducesTheGoBytesUnderTheGoName() throws Exception {
        GoBatchFile batch = format.read(GoBatchFormatTest.sample(A));
        Path written = new GoBatchWriter(format).write(dir, batch);
        assertEquals(dir.resolve(A), written);
        assertArrayEquals(GoBatchFormatTest.sample(A), Files.readAllBytes(written));
        assertEquals(List.of(A), snapshot().keySet().stream().toList());
    }

    @Test
    void writerRefusesToOverwrite() throws Exception {
        GoBatchFile batch = format.read(GoBatchFormatTest.sample(A));
        Files.writeString(dir.resolve(A), "keep me");
        assertThrows(UncheckedIOException.class, () -> new GoBatchWriter(format).write(dir, batch));
        assertEquals("keep me", Files.readString(dir.resolve(A)));
    }
}
