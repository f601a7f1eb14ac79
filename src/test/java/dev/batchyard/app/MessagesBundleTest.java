package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.actions.SinkHealth;
import dev.batchyard.app.batches.AgeFilter;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.detail.DetailState;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the app asks for is in the bundle, so a translation can be checked against it. */
class MessagesBundleTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:text|format)\\(\\s*\"([a-zA-Z][\\w.]*)\"");
    private final ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);

    @Test
    void everyLiteralKeyInTheAppsCodeIsInTheBundle() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/batchyard/app"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing(keys));
    }

    @Test
    void everyKeyBuiltFromAnEnumIsInTheBundle() {
        List<String> keys = new ArrayList<>();
        for (BatchState s : BatchState.values()) {
            keys.add("state." + s.name());
        }
        for (AgeFilter a : AgeFilter.values()) {
            keys.add(a.key());
        }
        for (DetailState d : DetailState.values()) {
            keys.add("detail.state." + d.name());
        }
        for (SinkHealth h : SinkHealth.values()) {
            keys.add("sink.health." + h.name());
        }
        for (Attempt.Outcome o : Attempt.Outcome.values()) {
            keys.add("detail.outcome." + o.name());
        }
        for (String action : List.of("retry", "discard", "reroute")) {
            for (String part : List.of("confirm", "progress", "done", "title")) {
                keys.add("action." + action + "." + part);
            }
        }
        for (String column : List.of("id", "sink", "state", "entries", "size", "created", "age", "lastAttempt",
                "retries", "nextAttempt", "expiresIn", "reason")) {
            keys.add("column." + column);
        }
        assertEquals(new TreeSet<>(), missing(keys));
    }

    private TreeSet<String> missing(List<String> keys) {
        TreeSet<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!bundle.containsKey(key)) {
                missing.add(key);
            }
        }
        return missing;
    }
}
