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
import java.util.stream.Stream;
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

    @Test
    void showOfABatchWhoseMessageHoldsAnEscapeSequencePrintsNoRawEscape() throws Exception {
        Path go = Files.createDirectories(tmp.resolve("go"));
        String file = new String(Samples.goFile(Samples.LOKI_ID), StandardCharsets.UTF_8)
                .replace("GET /api/orders 200 12ms", "\\u001b[31mGET /api/orders\\u001b[0m \\u009b2J");
        Files.writeString(go.resolve(Samples.fileName(Samples.LOKI_ID)), file);
        Path store = tmp.resolve("store");
        assertEquals(0, jar("import-go", go.toString(), "--store", store.toString()).code());

        Run show = jar("show", Samples.LOKI_ID, "--store", store.toString());

        assertEquals(0, show.code(), show::toString);
        assertFalse(show.out().contains("\u001b") || show.err().contains("\u001b"), show::toString);
        assertFalse(show.out().contains("\u009b"), show::toString);
        assertTrue(show.out().contains("\\u001B[31mGET /api/orders"), show.out());
    }

    @Test
    void aTokenWithALineBreakMakesRetryFailNamingTheKeyAndLeavesNoTraceOfTheToken() throws Exception {
        Path store = tmp.resolve("store");
        assertEquals(0, jar("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store", store.toString())
                .code());
        String secretPart = "SecretTail-9f8e7d6c";
        Path config = Files.writeString(tmp.resolve("config.yaml"), """
                persistence:
                  directory: "%s"
                sinks:
                  splunk:
                    enabled: true
                    url: http://127.0.0.1:9
                    token: "first-line\\n%s"
                """.formatted(store.toString().replace("\\", "/"), secretPart));

        Run retry = jar("retry", Samples.LOKI_ID, "--config", config.toString());

        assertEquals(1, retry.code(), retry::toString);
        assertTrue(retry.err().contains("sinks.splunk.token"), retry.err());
        for (String part : new String[] {secretPart, "first-line"}) {
            assertFalse(retry.out().contains(part) || retry.err().contains(part), retry::toString);
            try (Stream<Path> files = Files.walk(store)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(part),
                            f + " holds the token");
                }
            }
        }
    }

    @Test
    void scenarioListNamesAtLeastSixBuiltInScenarios() throws Exception {
        Run list = jar("scenario", "list", "--lang", "en");
        assertEquals(0, list.code(), list::err);
        List<String> names = list.out().lines().skip(1).map(line -> line.split("\\s+")[0]).toList();
        assertTrue(names.size() >= 6, () -> "scenarios listed: " + names);
    }

    @Test
    void everyBuiltInScenarioRunWithTheSolverExitsZeroWithinAMinute() throws Exception {
        List<String> names = jar("scenario", "list", "--lang", "en").out().lines().skip(1)
                .map(line -> line.split("\\s+")[0]).toList();
        for (String name : names) {
            long started = System.nanoTime();
            Run run = jar("scenario", "run", name, "--store", tmp.resolve(name).toString(), "--solve", "--lang", "en");
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("jar: scenario run %s --solve: exit %d in %d ms%n", name, run.code(), millis);
            assertEquals(0, run.code(), () -> name + ":\n" + run.out() + run.err());
            assertTrue(run.out().contains("Score: 100"), () -> name + ":\n" + run.out());
            assertTrue(millis < 60_000, () -> name + " took " + millis + " ms");
        }
    }

    @Test
    void aScenarioRunWithoutTheSolverExitsOne() throws Exception {
        Run run = jar("scenario", "run", "paused-recovery", "--store", tmp.resolve("unsolved").toString(), "--lang", "en");
        assertEquals(1, run.code(), () -> run.out() + run.err());
        assertTrue(run.out().contains("FAILED   resume-recovery"), run::out);
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
