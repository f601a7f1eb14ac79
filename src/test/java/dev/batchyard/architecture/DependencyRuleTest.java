package dev.batchyard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the main sources (the layering is described in {@code docs/architecture.md}):
 * the arrows point one way, {@code app}, {@code cli} → {@code runtime} → {@code console},
 * {@code engine}, {@code sink}, {@code legacy}, {@code demo}, {@code config} → the codecs →
 * {@code model}; the window, the CLI and the service reach a store only through the console; only {@code app}
 * touches JavaFX; and no packages import each other, directly or around a loop. A rule for a package holds for its
 * sub-packages too. The scan ({@link PackageGraph}) reads imports and fully-qualified names in code.
 */
class DependencyRuleTest {
    private static final Path SOURCES = Path.of("src", "main", "java");

    /** Everything of Batchyard outside the package itself. */
    private static final String ANYTHING = "dev.batchyard";

    /**
     * For each package and its sub-packages: the packages (each with its sub-packages) it must not
     * import. A package may always import its own sub-packages as far as these rules go; whether
     * that makes a cycle is the cycle test's business.
     */
    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            // the domain and the leaves know nothing above them
            Map.entry("model", List.of(ANYTHING)),
            Map.entry("time", List.of(ANYTHING)),
            // formats know the domain, never what uses them
            Map.entry("codec", List.of("engine", "sink", "legacy", "config", "demo", "cli", "app", "i18n", "serve")),
            // the engine speaks no language: it answers with reasons and typed exceptions, and the
            // app and the CLI word them (i18n)
            Map.entry("engine", List.of("sink", "legacy", "config", "demo", "cli", "app", "i18n", "serve")),
            // the store keeps records and the bytes the engine's codec made; events describe batches
            Map.entry("engine.store", List.of("engine", "codec")),
            Map.entry("engine.events", List.of("engine")),
            Map.entry("sink", List.of("config", "legacy", "cli", "app", "i18n", "serve")),
            Map.entry("legacy", List.of("sink", "cli", "app", "serve")),
            // the operator's seam: plain engine data, nothing of how a store is opened or shown, so a
            // second implementation (over the admin API) needs nothing more
            Map.entry("console", List.of("engine.store", "sink", "legacy", "config", "demo", "i18n", "runtime", "cli",
                    "app", "serve")),
            // search reads engine data for the console; it knows nothing of who asks or how it is shown
            Map.entry("search", List.of("console", "runtime", "sink", "legacy", "config", "demo", "training", "i18n",
                    "cli", "app", "serve")),
            Map.entry("config", List.of("cli", "app", "serve")),
            // the one assembly: it opens stores for the window, the CLI and the service, below all three
            Map.entry("runtime", List.of("cli", "app", "serve")),
            Map.entry("demo", List.of("cli", "app", "serve")),
            // training runs scenarios on a store the runtime opens; the window and the CLI show them
            Map.entry("training", List.of("cli", "app", "serve")),
            Map.entry("i18n", List.of("cli", "app", "serve")),
            // the HTTP service is started by the CLI's serve command; it knows neither the CLI nor the window
            Map.entry("serve", List.of("cli", "app", "demo", "i18n")),
            Map.entry("cli", List.of("app")),
            // the stores a window can open, kept for its user: plain data and one file (written as an
            // export is), nothing of how a connection is opened or shown
            Map.entry("connections", List.of("engine", "model", "codec", "sink", "config", "demo", "console", "runtime",
                    "search", "remote", "training", "i18n", "cli", "app", "serve")),
            // the console across the network: the console's data, the Go JSON of entries, the JDK's HTTP
            // client; nothing of the server it talks to, nor of how a store is opened here
            Map.entry("remote", List.of("runtime", "sink", "config", "demo", "training", "i18n", "logging", "cli",
                    "app", "serve")),
            // the log file the window and the service write: stderr, a file, owner-only creation (engine.store)
            Map.entry("logging", List.of("model", "codec", "sink", "legacy", "config", "demo", "console", "runtime",
                    "training", "i18n", "cli", "app", "serve")));

    /**
     * Libraries only one package may name: the HTTP server and the metrics client are the
     * service's (the engine gains no HTTP dependency; it reports to {@code StoreObserver}).
     */
    private static final Map<String, String> LIBRARY_HOMES = Map.of(
            "org.eclipse.jetty", "serve",
            "io.prometheus", "serve");

    /** The faces that reach a store only through a console (and the runtime that opens it). */
    private static final List<String> CONSOLE_USERS = List.of("app", "cli", "serve", "remote");

    /**
     * What a console user may name although it is behind the console, each with why. The service's
     * own settings are the {@code serve} section of {@code config.yaml}, which it reads itself
     * ({@code config}); its fsync and group-commit histograms are reported by the store as it writes,
     * which no console call can give, so it hands the store a {@code StoreObserver} through the
     * runtime's {@code EngineOptions} at the open; the Loki ingest writes structured metadata under
     * the field name the Loki sink reads it from ({@code LokiSink.STRUCTURED_METADATA}). Its backlog
     * gauges and health check read the runtime's {@code StoreMonitor}, not the engine.
     */
    private static final Map<String, List<String>> ALSO_ALLOWED = Map.of(
            "serve", List.of("config", "engine.store.StoreObserver", "engine.EngineOptions", "sink.http.LokiSink"),
            // a remote console's subscriptions are mailboxes of its own bus, fed by the server's event
            // stream: the same bounded, counted-loss mailbox as in-process, no engine behind it
            "remote", List.of("engine.events.EventBus"));

    /**
     * What is behind the console, besides the sink layer and the config: the engine's machinery.
     * The engine's data types (batches, events, stats, results) and the store's exceptions cross it.
     */
    private static final Set<String> ENGINE_MACHINERY = Set.of("engine.BatchPersistence", "engine.Delivery",
            "engine.EngineOptions", "engine.events.EventBus");

    /** The one package (with its sub-packages) that may name JavaFX. */
    private static final String JAVAFX_HOME = "app";

    /**
     * Cycles other branches are breaking now. This list may only shrink: a line whose cycle is gone
     * fails {@link #everyToleratedCycleStillExists()} until it is deleted. Each is written starting
     * with the import that should not be there; only that edge is tolerated.
     */
    private static final List<String> TOLERATED_CYCLES = List.of();

    private static PackageGraph graph;

    @BeforeAll
    static void scan() throws IOException {
        graph = PackageGraph.scan(SOURCES);
    }

    @Test
    void theScanSeesThePackagesAndTheirImports() {
        assertTrue(graph.packages().containsAll(Set.of("model", "codec.binary", "engine", "engine.store", "app.shell")),
                graph.packages()::toString);
        assertTrue(graph.imports("engine", "engine.store"), "engine imports engine.store");
        assertTrue(graph.imports("codec.binary", "model"), "codec.binary imports model");
    }

    @Test
    void noPackageImportsWhatItsRulesForbid() {
        List<String> violations = new ArrayList<>();
        for (PackageGraph.Reference r : graph.references()) {
            for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
                if (within(r.from(), rule.getKey())) {
                    rule.getValue().stream()
                            .filter(forbidden -> !within(r.to(), r.from()) && within(r.to(), forbidden))
                            .forEach(forbidden -> violations.add(r + " (" + rule.getKey() + " must not import "
                                    + (forbidden.equals(ANYTHING) ? "anything of Batchyard" : forbidden) + ")"));
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theWindowTheCliAndTheServiceReachAStoreOnlyThroughTheConsoleAndTheRuntime() {
        List<String> violations = graph.references().stream()
                .filter(r -> CONSOLE_USERS.stream().anyMatch(user -> within(r.from(), user)))
                .filter(DependencyRuleTest::behindTheConsole)
                .filter(r -> !alsoAllowed(r))
                .map(r -> r + " (behind the console: go through dev.batchyard.console and dev.batchyard.runtime)")
                .toList();
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheAppTouchesJavaFx() {
        assertEquals(List.of(), graph.javaFxReferences().stream()
                .filter(r -> !within(r.from(), JAVAFX_HOME)).map(Object::toString).toList());
    }

    @Test
    void onlyTheServiceNamesTheHttpServerAndTheMetricsLibrary() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> home : LIBRARY_HOMES.entrySet()) {
            PackageGraph.scanNames(SOURCES, home.getKey()).stream()
                    .filter(r -> !within(r.from(), home.getValue()))
                    .forEach(r -> violations.add(r + " (only " + home.getValue() + " may name " + home.getKey() + ")"));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noPackagesImportEachOtherAroundALoop() {
        List<String> tolerated = TOLERATED_CYCLES.stream().map(DependencyRuleTest::firstEdge).toList();
        assertEquals(List.of(), graph.cycles(tolerated), "package cycles; each names the packages around one loop");
    }

    @Test
    void everyToleratedCycleStillExists() {
        List<String> gone = new ArrayList<>();
        for (String cycle : TOLERATED_CYCLES) {
            List<String> hops = List.of(cycle.split(" -> "));
            for (int i = 0; i + 1 < hops.size(); i++) {
                if (!graph.imports(hops.get(i), hops.get(i + 1))) {
                    gone.add(cycle + ": " + hops.get(i) + " no longer imports " + hops.get(i + 1)
                            + "; delete its line from TOLERATED_CYCLES");
                }
            }
        }
        assertEquals(List.of(), gone);
    }

    /** The sink layer, the config, the store's internals (its exceptions cross the console) and the engine's machinery. */
    private static boolean behindTheConsole(PackageGraph.Reference r) {
        String type = r.name().substring(r.name().lastIndexOf('.') + 1);
        return within(r.to(), "sink") || within(r.to(), "config")
                || r.to().equals("engine.store") && !type.endsWith("Exception")
                || ENGINE_MACHINERY.contains(r.to() + "." + type);
    }

    /** Whether {@link #ALSO_ALLOWED} lets the reference's package name what it names. */
    private static boolean alsoAllowed(PackageGraph.Reference r) {
        String type = r.to() + "." + r.name().substring(r.name().lastIndexOf('.') + 1);
        return ALSO_ALLOWED.entrySet().stream().anyMatch(user -> within(r.from(), user.getKey())
                && user.getValue().stream().anyMatch(allowed -> allowed.equals(type) || within(r.to(), allowed)));
    }

    /** Whether {@code pkg} is {@code scope} or one of its sub-packages; everything is within {@link #ANYTHING}. */
    private static boolean within(String pkg, String scope) {
        return scope.equals(ANYTHING) || pkg.equals(scope) || pkg.startsWith(scope + ".");
    }

    private static String firstEdge(String cycle) {
        String[] hops = cycle.split(" -> ");
        return hops[0] + " -> " + hops[1];
    }
}
