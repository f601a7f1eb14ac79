package dev.batchyard.cli;

import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.NoStoreException;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.training.run.HeadlessRun;
import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import dev.batchyard.training.scenario.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scenario run NAME --store DIR [--solve]}: runs a built-in scenario (or a trainer's file,
 * {@code NAME.yaml}) without a window on a store of its own, with the demo's simulated sinks, on a
 * clock faster than real time; prints the debrief; exit code 0 when every task's check passed, 1
 * otherwise. The store must be new or empty: a scenario reroutes and discards, and no operator's
 * real batches are to be part of it.
 */
@Command(name = "run", mixinStandardHelpOptions = true)
final class ScenarioRunCommand implements Callable<Integer> {
    @ParentCommand
    ScenarioCommand parent;

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "scenario.name")
    String name;

    @Option(names = "--store", paramLabel = "DIR", required = true, descriptionKey = "scenario.store")
    Path store;

    @Option(names = "--solve", descriptionKey = "scenario.solve")
    boolean solve;

    @Option(names = "--speed", paramLabel = "N", descriptionKey = "scenario.speed")
    double speed = HeadlessRun.DEFAULT_SPEED;

    @Override
    public Integer call() {
        Messages m = parent.root.messages();
        CliContext context = parent.root.context();
        if (!(speed >= 1 && speed <= 100)) {
            throw new CliException(m.get("scenario.badSpeed", speed));
        }
        Scenario scenario = scenario(m);
        requireEmptyStore(context, m);
        RunReport report = HeadlessRun.run(scenario, store, solve, speed, context.defaultActor());
        new DebriefText(m, context.out()).print(report);
        return report.allPassed() ? ExitCode.OK : ExitCode.SOFTWARE;
    }

    private Scenario scenario(Messages m) {
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            try {
                return BuiltInScenarios.read(Path.of(name));
            } catch (ScenarioException e) {
                throw new CliException(m.get("scenario.badFile", e.getMessage()), e);
            }
        }
        return BuiltInScenarios.find(name).orElseThrow(() ->
                new CliException(m.get("scenario.unknown", name, String.join(", ", BuiltInScenarios.names()))));
    }

    /** A missing or empty directory, or a store without batches; anything else is refused before it is opened for writing. */
    private void requireEmptyStore(CliContext context, Messages m) {
        if (!Files.exists(store) || isEmptyDirectory(store)) {
            return;
        }
        try (OpenStore existing = context.opener().open(StoreLocation.of(store), Mode.reading())) {
            if (existing.console(context.defaultActor()).stats().total() > 0) {
                throw new CliException(m.get("scenario.storeNotEmpty", store));
            }
        } catch (NoStoreException e) {
            throw new CliException(m.get("scenario.notAStore", store), e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }
}
