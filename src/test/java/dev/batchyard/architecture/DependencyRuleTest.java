package dev.batchyard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows of DESIGN §2 point one way: {@code app}, {@code cli} → {@code engine}, {@code sink},
 * {@code legacy}, {@code demo}, {@code config} → {@code model}; only {@code app} touches JavaFX.
 * A plain scan of the import lines of the main sources.
 */
class DependencyRuleTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "batchyard");

    /** For each package (first segment under dev.batchyard): imports it must not have. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "model", List.of("javafx.", "dev.batchyard.engine", "dev.batchyard.sink", "dev.batchyard.legacy",
                    "dev.batchyard.app", "dev.batchyard.cli", "dev.batchyard.demo", "dev.batchyard.config",
                    "dev.batchyard.i18n"),
            // the engine speaks no language: it answers with reasons and typed exceptions, and the
            // app and the CLI word them (dev.batchyard.i18n)
            "engine", List.of("javafx.", "dev.batchyard.sink", "dev.batchyard.legacy", "dev.batchyard.app",
                    "dev.batchyard.cli", "dev.batchyard.demo", "dev.batchyard.config", "dev.batchyard.i18n"),
            "sink", List.of("javafx.", "dev.batchyard.app", "dev.batchyard.cli", "dev.batchyard.legacy",
                    "dev.batchyard.i18n"),
            "legacy", List.of("javafx.", "dev.batchyard.app", "dev.batchyard.cli", "dev.batchyard.sink"),
            "config", List.of("javafx.", "dev.batchyard.app", "dev.batchyard.cli"),
            "demo", List.of("javafx.", "dev.batchyard.app", "dev.batchyard.cli"),
            "cli", List.of("javafx.", "dev.batchyard.app"));

    @Test
    void noPackageImportsAcrossTheArrowsOrJavaFxOutsideTheApp() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                List<String> forbidden = FORBIDDEN.getOrDefault(pkg, List.of());
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("import ")) {
                        String target = trimmed.substring(7).replace("static ", "");
                        forbidden.stream().filter(target::startsWith)
                                .forEach(f -> violations.add(SOURCES.relativize(file) + ": " + trimmed));
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
