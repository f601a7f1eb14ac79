package dev.batchyard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sink packages point one way: {@code sink.config} names the concrete sinks; the concrete sinks
 * ({@code sink.http}, {@code sink.file}, {@code sink.simulated}) use {@code sink}'s SPI and not
 * each other; {@code sink} itself imports none of them. A plain scan of the import lines.
 */
class SinkLayersTest {
    private static final Path SINK = Path.of("src", "main", "java", "dev", "batchyard", "sink");
    private static final List<String> CONCRETE = List.of("http", "file", "simulated");

    @Test
    void sinkImportsNoSubPackageAndConcreteSinksImportNoSibling() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SINK)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SINK.relativize(file);
                String sub = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("import dev.batchyard.sink.") && forbidden(sub, trimmed)) {
                        violations.add("sink/" + relative + ": " + trimmed);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** Whether package {@code sink.<sub>} ({@code ""}: {@code sink} itself) may not have this import. */
    private static boolean forbidden(String sub, String importLine) {
        String target = importLine.substring("import dev.batchyard.sink.".length());
        String targetSub = target.contains(".") && Character.isLowerCase(target.charAt(0))
                ? target.substring(0, target.indexOf('.')) : "";
        if (targetSub.isEmpty() || targetSub.equals(sub)) {
            return false;
        }
        return sub.isEmpty() || CONCRETE.contains(sub) && (targetSub.equals("config") || CONCRETE.contains(targetSub));
    }
}
