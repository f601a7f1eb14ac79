package dev.batchyard.training.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios that come with Batchyard (resources {@code dev/batchyard/training/scenarios/NAME.yaml},
 * in the order below), and a trainer's own file read the same way.
 */
public final class BuiltInScenarios {
    private static final List<String> NAMES = List.of("splunk-outage", "paused-recovery", "poison-batch",
            "ttl-wave", "store-filling", "crash-restart", "flapping-loki");

    private BuiltInScenarios() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** Every built-in scenario, read (a broken built-in is a bug: it throws). */
    public static List<Scenario> all() {
        return NAMES.stream().map(n -> find(n).orElseThrow()).toList();
    }

    public static Optional<Scenario> find(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        String resource = "/dev/batchyard/training/scenarios/" + name + ".yaml";
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in scenario " + resource + " is missing from the build");
            }
            return Optional.of(ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new ScenarioSource("built-in " + name + ".yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in scenario " + resource, e);
        }
    }

    /**
     * A trainer's scenario file.
     *
     * @throws ScenarioException naming the file (and the line and key) when it cannot be read or used
     */
    public static Scenario read(Path file) {
        ScenarioSource source = new ScenarioSource(file.toString());
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new ScenarioException(source, 0, "", "is over 1 MiB: not a scenario");
            }
            return ScenarioReader.read(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new ScenarioException(source, 0, "", "cannot be read: " + e);
        }
    }
}
