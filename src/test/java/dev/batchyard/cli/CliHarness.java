package dev.batchyard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.Setup;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreOpener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs CLI command lines in-process on a test store, capturing stdout and stderr. */
final class CliHarness {
    static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

    final Path store;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Delivery sinks = Delivery.none();
    /** How commands open the engine: by default the Go defaults on {@code --store} with {@link #sinks}. */
    Setup setup = (where, demo) -> new Settings(PersistenceConfig.defaults(where.store()), SinkLayer.fixed(sinks, List.of()));

    /** What one command line did. */
    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON on stdout: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    CliHarness(Path store) {
        this.store = store;
    }

    /** Runs {@code args} followed by {@code --store <store>}. */
    Run onStore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--store");
        all.add(store.toString());
        return run(all.toArray(String[]::new));
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), clock,
                new StoreOpener(clock, setup),
                new Actor("tester"), Duration.ofSeconds(10));
        int code = new Cli(context).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The engine on the test store, to seed it or look at it between commands. */
    BatchPersistence open() {
        return BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), clock);
    }
}
