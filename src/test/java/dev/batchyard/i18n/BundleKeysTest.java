package dev.batchyard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.actions.SinkHealth;
import dev.batchyard.app.batches.AgeFilter;
import dev.batchyard.app.detail.DetailState;
import dev.batchyard.app.events.EventKind;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.legacy.BatchFileProblem;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.model.DamageKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle family has the same keys in every language, and no key the code never asks for.
 * A key counts as used when the main sources contain it as a string literal; keys the code builds
 * (an enum's name after a prefix, picocli's naming conventions) are listed here, by family.
 */
class BundleKeysTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path SOURCES = Path.of("src", "main", "java");

    /** One family: its base name and the keys its code builds instead of spelling. */
    record Family(String baseName, Set<String> builtKeys) {
        Path file(String suffix) {
            return RESOURCES.resolve(baseName.replace('.', '/') + suffix + ".properties");
        }

        @Override
        public String toString() {
            return baseName;
        }
    }

    static List<Family> families() {
        return List.of(
                // EngineTexts.reason builds action.reason.<code>: a new Reason without its words fails here
                new Family("dev.batchyard.i18n.engine", Arrays.stream(ActionResult.Reason.values())
                        .map(r -> "action.reason." + r.code()).collect(Collectors.toSet())),
                new Family("dev.batchyard.cli.messages", union(
                        prefixed("import.skip.", BatchFileProblem.values()),
                        // picocli reads these by convention: <qualified command>.usage.description,
                        // usage.* section headings, help/version for mixinStandardHelpOptions
                        prefixed("batchyard.", "usage.description", "list", "show", "stats", "retry", "discard",
                                "reroute", "import-go", "export", "verify", "serve", "scenario", "scenario.list",
                                "scenario.run", "restore", "audit", "search", "requeue", "replay", "split", "merge", "edit"),
                        Set.of("batchyard.usage.description", "usage.footer", "usage.synopsisHeading",
                                "usage.commandListHeading", "help", "version"))),
                new Family("dev.batchyard.app.messages", union(
                        prefixed("state.", BatchState.values()),
                        prefixed("state.inText.", BatchState.values()),
                        prefixed("guide.state.", BatchState.values()),
                        prefixed("events.kind.", EventKind.values()),
                        // the engine's SinkHealthChanged.health(), lower-cased
                        Set.of("events.health.closed", "events.health.open", "events.health.half_open"),
                        prefixed("events.health.cause.", BatchEvent.SinkHealthChanged.Cause.values()),
                        // the store-health view and its banner word each kind of damage
                        prefixed("health.kind.", DamageKind.values()),
                        prefixed("health.banner.kind.", DamageKind.values()),
                        Arrays.stream(AgeFilter.values()).map(AgeFilter::key).collect(Collectors.toSet()),
                        prefixed("detail.state.", DetailState.values()),
                        prefixed("sink.health.", SinkHealth.values()),
                        prefixed("detail.outcome.", Attempt.Outcome.values()),
                        Arrays.stream(Language.values()).map(l -> "language." + l.tag()).collect(Collectors.toSet()),
                        crossed("action.", List.of("retry", "discard", "reroute", "requeue"),
                                List.of("confirm", "progress", "done", "title")),
                        // the replay strip names the replay's action by its code
                        Arrays.stream(ReplayRequest.Action.values()).map(a -> "replay.action." + a.code())
                                .collect(Collectors.toSet()),
                        crossed("column.", List.of(""), List.of("id", "sink", "state", "entries", "size", "created",
                                "age", "lastAttempt", "retries", "requeues", "nextAttempt", "expiresIn", "reason")),
                        // MetadataView's rows
                        crossed("detail.field.", List.of(""), List.of("id", "sink", "state", "entries", "size",
                                "created", "lastAttempt", "retries", "requeues", "nextAttempt", "reason", "context")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyLanguageHasExactlyTheKeysOfTheBaseBundle(Family family) throws IOException {
        Set<String> base = keys(family.file(""));
        List<Path> translations = translations(family);

        assertTrue(translations.stream().anyMatch(p -> p.getFileName().toString().endsWith("_pt_BR.properties")),
                () -> family + " has no pt_BR bundle: " + translations);
        for (Path translation : translations) {
            Set<String> keys = keys(translation);
            assertEquals(difference(base, keys), Set.of(), () -> translation + " lacks these keys");
            assertEquals(difference(keys, base), Set.of(), () -> translation + " has keys the base bundle lacks");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyKeyIsUsedByTheCode(Family family) throws IOException {
        String sources = allSources();
        Set<String> unused = keys(family.file("")).stream()
                .filter(k -> !family.builtKeys().contains(k) && !sources.contains('"' + k + '"'))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of(), unused, () -> family + " has keys no code asks for");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyBuiltKeyIsInTheBundle(Family family) throws IOException {
        assertEquals(Set.of(), difference(family.builtKeys(), keys(family.file(""))),
                () -> family + " lacks keys the code builds");
    }

    private static List<Path> translations(Family family) throws IOException {
        Path base = family.file("");
        String stem = base.getFileName().toString().replace(".properties", "");
        try (Stream<Path> files = Files.list(base.getParent())) {
            // messages_pt_BR.properties, but not messages_panels.properties for the family "messages"
            return files.filter(p -> p.getFileName().toString().matches(stem + "(_[a-z]{2}(_[A-Z]{2})?)\\.properties"))
                    .sorted().toList();
        }
    }

    static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static String allSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
            return all.toString();
        }
    }

    private static Set<String> prefixed(String prefix, Enum<?>... values) {
        return Arrays.stream(values).map(v -> prefix + v.name()).collect(Collectors.toSet());
    }

    private static Set<String> prefixed(String prefix, String suffixKey, String... commands) {
        return Arrays.stream(commands).map(c -> prefix + c + "." + suffixKey).collect(Collectors.toSet());
    }

    /** {@code prefix + a + "." + b} for every pair; an empty {@code a} gives {@code prefix + b}. */
    private static Set<String> crossed(String prefix, List<String> as, List<String> bs) {
        return as.stream().flatMap(a -> bs.stream().map(b -> prefix + (a.isEmpty() ? b : a + "." + b)))
                .collect(Collectors.toSet());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        Arrays.stream(sets).forEach(all::addAll);
        return all;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
