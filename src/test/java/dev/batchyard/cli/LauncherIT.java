package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeChild;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void anImportAndADiscardAreAuditedWithTheIdAndARestoreBringsTheBatchBack() throws Exception {
        Path store = tmp.resolve("store");
        Run imported = jar("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store", store.toString());
        assertEquals(0, imported.code(), imported::toString);
        Run discard = jar("discard", Samples.LOKI_ID, "--reason", "bad labels", "--store", store.toString());
        assertEquals(0, discard.code(), discard::toString);

        Run audit = jar("audit", "--json", "--store", store.toString());

        assertEquals(0, audit.code(), audit::toString);
        List<String> actions = new ArrayList<>();
        for (String line : audit.out().lines().toList()) {
            JsonNode record = new ObjectMapper().readTree(line);
            actions.add(record.get("action").asText());
            assertTrue(record.toString().contains(Samples.LOKI_ID), line);
        }
        assertEquals(List.of("import", "discard"), actions, audit::out);
        assertEquals(1, jar("show", Samples.LOKI_ID, "--store", store.toString()).code(), "discarded: not shown");
        Run restore = jar("restore", Samples.LOKI_ID, "--store", store.toString());
        assertEquals(0, restore.code(), restore::toString);
        Run show = jar("show", Samples.LOKI_ID, "--store", store.toString());
        assertEquals(0, show.code(), show::toString);
        assertTrue(show.out().contains(Samples.LOKI_ID), show::out);
        Run dryRun = jar("discard", "--all", "--dry-run", "--store", store.toString());
        assertEquals(0, dryRun.code(), dryRun::toString);
        assertTrue(dryRun.out().contains("would touch 2 batches"), dryRun::out);
        Run list = jar("list", "--store", store.toString(), "--json");
        assertEquals(2, new ObjectMapper().readTree(list.out()).size(), "the dry run changed nothing");
    }

    @Test
    void aGoDeadLetterDirectoryGoesInAndComesBackOutThroughTheJar() throws Exception {
        Path dlq = Files.createDirectories(tmp.resolve("dlq"));
        byte[] sample;
        try (var in = LauncherIT.class.getResourceAsStream("/legacy-go-dlq/dlq_20261201_174012.log")) {
            sample = in.readAllBytes();
        }
        String lines = new String(sample, StandardCharsets.UTF_8);
        Files.writeString(dlq.resolve("dlq_20261201_174012.log"), lines + "not json\n{\"hello\":\"world\"}\n"
                + lines.substring(0, 70));
        byte[] before = Files.readAllBytes(dlq.resolve("dlq_20261201_174012.log"));
        Path store = tmp.resolve("store");

        Run imported = jar("import-go", dlq.toString(), "--store", store.toString());
        assertEquals(0, imported.code(), imported::toString);
        List<String> said = imported.out().lines().toList();
        assertTrue(said.get(0).startsWith("skipped dlq_20261201_174012.log:4: not JSON"), imported::toString);
        assertTrue(said.get(1).startsWith("skipped dlq_20261201_174012.log:5: JSON, but not a dead-letter entry"),
                imported::toString);
        assertTrue(said.get(2).startsWith("skipped dlq_20261201_174012.log:6: cut short"), imported::toString);
        assertEquals("imported 3 entries in 3 batches, skipped 3 lines", said.get(3), imported::toString);

        Run list = jar("list", "--store", store.toString(), "--json");
        assertEquals(0, list.code(), list::toString);
        String loki = null;
        List<String> sinks = new ArrayList<>();
        for (JsonNode b : new ObjectMapper().readTree(list.out())) {
            sinks.add(b.get("sink").asText());
            loki = b.get("sink").asText().equals("loki") ? b.get("id").asText() : loki;
        }
        assertEquals(List.of("kafka_sink", "loki", "timestamp_validator"), sinks.stream().sorted().toList());

        Run show = jar("show", loki, "--store", store.toString(), "--json");
        assertEquals(0, show.code(), show::toString);
        assertEquals("loki push failed: server returned HTTP status 500 Internal Server Error",
                new ObjectMapper().readTree(show.out()).get("entry_failures").get(0).get("error_message").asText());

        Path out = tmp.resolve("out");
        Run export = jar("export", "--all", "--go-dlq-dir", out.toString(), "--store", store.toString());
        assertEquals(0, export.code(), export::toString);
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.toList();
        }
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().matches("dlq_\\d{8}_\\d{6}\\.log"), files::toString);
        assertEquals(lines.lines().sorted().toList(), Files.readString(files.get(0)).lines().sorted().toList());
        assertTrue(Files.readString(files.get(0)).endsWith("\n"));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dlq.resolve("dlq_20261201_174012.log"))));
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
    void serveTakesAPushKeepsItAcrossKillNineAndStopsOnSigtermWithZero() throws Exception {
        String token = "operator-token-0123456789abcdef";
        Path config = Files.writeString(tmp.resolve("config.yaml"), """
                persistence:
                  directory: "%s"
                serve:
                  listen: "127.0.0.1:0"
                  tokens:
                    - { name: ops, role: operator, token: "%s" }
                """.formatted(tmp.resolve("store").toString().replace("\\", "/"), token));
        String push = "{\"streams\":[{\"stream\":{\"app\":\"orders\"},\"values\":[[\"1764160000000000000\",\"hello\"]]}]}";
        Http http = new Http();
        String id;
        try (ServeChild serve = serve(config, "first")) {
            assertEquals(204, http.post(serve.url("/loki/api/v1/push"), "application/json",
                    push.getBytes(StandardCharsets.UTF_8), Http.bearer(token)).statusCode());
            HttpResponse<String> listed = http.get(serve.url("/api/v1/batches"), Http.bearer(token));
            assertEquals(200, listed.statusCode(), listed::body);
            JsonNode batches = new ObjectMapper().readTree(listed.body()).get("batches");
            assertEquals(1, batches.size(), listed::body);
            id = batches.get(0).get("id").asText();
            assertEquals(401, http.get(serve.url("/api/v1/batches")).statusCode());

            serve.killNine();
        }
        try (ServeChild serve = serve(config, "second")) {
            HttpResponse<String> listed = http.get(serve.url("/api/v1/batches"), Http.bearer(token));
            assertEquals(id, new ObjectMapper().readTree(listed.body()).get("batches").get(0).get("id").asText(),
                    listed::body);
            String metrics = http.get(serve.url("/metrics"), Http.bearer(token)).body();
            assertTrue(metrics.contains("batchyard_batches{"), metrics);

            int status = serve.terminate(Duration.ofSeconds(60));
            String err = serve.stderr();
            assertEquals(0, status, err);
            assertTrue(err.contains("the store is closed and checkpointed"), err);
            String classes = Files.readString(tmp.resolve("serve-second.out"), StandardCharsets.UTF_8);
            assertTrue(classes.contains("dev.batchyard.serve.Service"), "class loading is logged");
            assertFalse(classes.contains("javafx."), () -> classes.lines().filter(l -> l.contains("javafx.")).findFirst()
                    .orElse(""));
        }
    }

    private ServeChild serve(Path config, String name) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-jar", JAR.toString(), "serve", "--config", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(tmp.resolve("serve-" + name + ".out").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        return ServeChild.start(builder, tmp.resolve("serve-" + name + ".err"), Duration.ofSeconds(120));
    }

    @Test
    void scenarioListNamesAtLeastSixBuiltInScenarios() throws Exception {
        Run list = jar("scenario", "list", "--lang", "en");
        assertEquals(0, list.code(), list::err);
        List<String> names = list.out().lines().skip(1).map(line -> line.split("\\s+")[0]).toList();
        assertTrue(names.size() >= 6, () -> "scenarios listed: " + names);
    }

    @Test
    void everyBuiltInScenarioRunWithTheSolverExitsZero() throws Exception {
        List<String> names = jar("scenario", "list", "--lang", "en").out().lines().skip(1)
                .map(line -> line.split("\\s+")[0]).toList();
        for (String name : names) {
            long started = System.nanoTime();
            Run run = jar("scenario", "run", name, "--store", tmp.resolve(name).toString(), "--solve", "--lang", "en");
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("jar: scenario run %s --solve: exit %d in %d ms%n", name, run.code(), millis);
            assertEquals(0, run.code(), () -> name + ":\n" + run.out() + run.err());
            assertTrue(run.out().contains("Score: 100"), () -> name + ":\n" + run.out());
            // the time is printed, not asserted: speed is the bench's business, and a loaded CI would flake
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
