package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/batchyard.jar}, run as a child process with no display. */
class LauncherIT {
    static final Path JAR = Path.of("target", "batchyard.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    /** What one run of the jar did. */
    record Run(int code, String out, String err) {
    }

    @Test
    void theJarListsAStoreHeadlessWithNoDisplay() throws Exception {
        Path store = tmp.resolve("store");
        Run imported = jar("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store", store.toString());
        assertEquals(0, imported.code(), imported::toString);

        Run list = jar("list", "--store", store.toString(), "--json");

        assertEquals(0, list.code(), list::toString);
        JsonNode batches = new ObjectMapper().readTree(list.out());
        assertEquals(2, batches.size());
        assertEquals(Samples.LOKI_ID, batches.get(0).get("id").asText());
        assertEquals("RETRY_WAIT", batches.get(1).get("state").asText());
    }

    @Test
    void theCliPathLoadsNoJavaFxClass() throws Exception {
        Path store = tmp.resolve("store");
        jar("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store", store.toString());

        Run run = jar(List.of("-Xlog:class+load=info"), "list", "--store", store.toString());

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("dev.batchyard.cli.ListCommand"), "class loading is logged");
        assertFalse(run.out().contains("javafx."), () -> run.out().lines().filter(l -> l.contains("javafx.")).findFirst().orElse(""));
    }

    @Test
    void helpExitsZeroAndAnUnknownCommandIsAUsageError() throws Exception {
        Run help = jar("--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().contains("import-go"), help.out());

        Run unknown = jar("frobnicate");
        assertEquals(2, unknown.code(), unknown::toString);
    }

    @Test
    void aMissingStoreIsAnErrorWithExitOne() throws Exception {
        Run run = jar("stats", "--store", tmp.resolve("absent").toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("absent"), run.err());
        assertFalse(Files.exists(tmp.resolve("absent")));
    }

    @Test
    void aStoreTheJarCreatesIsReadableByItsOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path store = tmp.resolve("store");

        Run imported = jar("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store", store.toString());

        assertEquals(0, imported.code(), imported::toString);
        assertEquals(StorePermissionsTest.ownerOnly(store), StorePermissionsTest.modes(store));
    }

    private Run jar(String... args) throws IOException, InterruptedException {
        return jar(List.of(), args);
    }

    private Run jar(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by 'package' before failsafe runs");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the jar finished");
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
