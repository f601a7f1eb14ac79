package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The panels' view models, and everything they use from their own packages, stay free of the
 * scene graph and the UI libraries, so they can be tested without a toolkit.
 */
class PanelLayeringTest {
    private static final Path APP = Path.of("src", "main", "java", "dev", "batchyard", "app");
    private static final List<String> PACKAGES = List.of("events", "charts", "demo");
    private static final Pattern UI_IMPORT = Pattern.compile(
            "^import (static )?(javafx\\.scene|javafx\\.animation|org\\.controlsfx|atlantafx|org\\.kordamp)\\.",
            Pattern.MULTILINE);

    @Test
    void viewModelsAndWhatTheyUseNeverTouchTheSceneGraph() throws IOException {
        Map<String, String> sources = new HashMap<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(APP.resolve(pkg))) {
                for (Path file : files.toList()) {
                    sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
                }
            }
        }
        Set<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        sources.keySet().stream().filter(name -> name.endsWith("ViewModel")).forEach(todo::add);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reached.add(name)) {
                sources.keySet().stream()
                        .filter(other -> !reached.contains(other)
                                && Pattern.compile("\\b" + other + "\\b").matcher(sources.get(name)).find())
                        .forEach(todo::add);
            }
        }
        assertTrue(reached.containsAll(Set.of("LiveEventsViewModel", "ChartsViewModel", "DemoPanelViewModel",
                "EventDescriber", "AlertCoalescer", "RingList")), reached.toString());
        Set<String> offenders = new TreeSet<>();
        reached.stream().filter(name -> UI_IMPORT.matcher(sources.get(name)).find()).forEach(offenders::add);
        assertEquals(Set.of(), offenders);
    }
}
