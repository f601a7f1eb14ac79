package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.BatchPersistence;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export writes owner-only files through no symbolic link; import follows no link and reads no
 * file beyond the documented size. The directories involved may be shared or prepared by someone
 * else, who plants links and huge files.
 */
class HostileExportAndImportTest {
    private static final byte[] VICTIM = "precious, not a batch\n".getBytes();
    @TempDir
    Path tmp;

    CliHarness inTest;
    Path goDir;
    Path out;

    @BeforeEach
    void setUp() {
        inTest = new CliHarness(tmp.resolve("store"));
        goDir = Samples.goDirectory(tmp.resolve("go"));
        out = tmp.resolve("out");
        assertEquals(0, inTest.onStore("import-go", goDir.toString()).code());
    }

    private Path victim() throws Exception {
        return Files.write(tmp.resolve("victim.txt"), VICTIM);
    }

    @Test
    void exportedFilesAndTheDirectoryAreTheOwnersOnly() throws Exception {
        CliHarness.Run run = inTest.onStore("export", "--all", "--go-dir", out.resolve("new").toString());

        assertEquals(0, run.code(), run::toString);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("new"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("new").resolve(Samples.fileName(Samples.LOKI_ID)))));
    }

    @Test
    void aLinkPlantedWhereTheOldTemporaryFileWentIsNotWrittenThrough() throws Exception {
        Path victim = victim();
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("." + Samples.fileName(Samples.LOKI_ID) + ".tmp"), victim);

        CliHarness.Run run = inTest.onStore("export", Samples.LOKI_ID, "--go-dir", out.toString());

        assertEquals(0, run.code(), run::toString);
        assertArrayEquals(VICTIM, Files.readAllBytes(victim));
        assertArrayEquals(Samples.goFile(Samples.LOKI_ID), Files.readAllBytes(out.resolve(Samples.fileName(Samples.LOKI_ID))));
    }

    @Test
    void aDanglingLinkAtTheTargetCountsAsAnExistingFile() throws Exception {
        Files.createDirectories(out);
        Path link = Files.createSymbolicLink(out.resolve(Samples.fileName(Samples.LOKI_ID)), tmp.resolve("not-yet"));

        CliHarness.Run run = inTest.onStore("export", Samples.LOKI_ID, "--go-dir", out.toString());

        assertEquals(1, run.code(), run::toString);
        assertFalse(Files.exists(tmp.resolve("not-yet")), "nothing was created through the link");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void overwriteReplacesALinkAtTheTargetAndNotWhatItPointsTo() throws Exception {
        Path victim = victim();
        Files.createDirectories(out);
        Path target = Files.createSymbolicLink(out.resolve(Samples.fileName(Samples.LOKI_ID)), victim);

        CliHarness.Run run = inTest.onStore("export", Samples.LOKI_ID, "--go-dir", out.toString(), "--overwrite");

        assertEquals(0, run.code(), run::toString);
        assertArrayEquals(VICTIM, Files.readAllBytes(victim));
        assertFalse(Files.isSymbolicLink(target));
        assertArrayEquals(Samples.goFile(Samples.LOKI_ID), Files.readAllBytes(target));
        try (var left = Files.list(out)) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void importRefusesASymbolicLinkAndReadsNothingThroughIt() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.write(elsewhere.resolve("batch_linked-1.json"), Samples.goFile(Samples.LOKI_ID));
        Path hostile = Files.createDirectories(tmp.resolve("hostile"));
        Files.createSymbolicLink(hostile.resolve("batch_linked-1.json"), elsewhere.resolve("batch_linked-1.json"));
        CliHarness fresh = new CliHarness(tmp.resolve("store2"));

        CliHarness.Run run = fresh.onStore("import-go", hostile.toString(), "--json");

        assertEquals(1, run.code(), run::toString);
        JsonNode file = run.json().get("files").get(0);
        assertEquals("SYMLINK", file.get("skip_reason").asText());
        assertEquals(0, run.json().get("imported").asInt());
    }

    @Test
    void importRefusesAFileOverTheLimitNamingItAndItsSize() throws Exception {
        Path hostile = Files.createDirectories(tmp.resolve("hostile"));
        long size = 64L * 1024 * 1024 + 1;
        try (RandomAccessFile huge = new RandomAccessFile(hostile.resolve("batch_huge-1.json").toFile(), "rw")) {
            huge.setLength(size); // sparse: no disk, no time
        }
        CliHarness fresh = new CliHarness(tmp.resolve("store2"));

        CliHarness.Run run = fresh.onStore("import-go", hostile.toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("batch_huge-1.json"), run.out());
        assertTrue(run.out().contains(Long.toString(size)), run.out());
        try (BatchPersistence engine = fresh.open()) {
            assertTrue(engine.find("huge-1").isEmpty());
        }
    }

    @Test
    void importStillTakesTheRegularFilesBesideALink() throws Exception {
        Files.createSymbolicLink(goDir.resolve("batch_linked-2.json"), goDir.resolve(Samples.fileName(Samples.LOKI_ID)));
        assertTrue(Files.isSymbolicLink(goDir.resolve("batch_linked-2.json")));
        assertTrue(Files.isRegularFile(goDir.resolve(Samples.fileName(Samples.LOKI_ID)), LinkOption.NOFOLLOW_LINKS));
        CliHarness fresh = new CliHarness(tmp.resolve("store2"));

        JsonNode report = fresh.onStore("import-go", goDir.toString(), "--json").json();

        assertEquals(2, report.get("imported").asInt());
    }
}
