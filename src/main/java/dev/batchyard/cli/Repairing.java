package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.model.Actor;
import java.util.function.Function;

/**
 * Opens the store for {@code split} or {@code merge}: with the lock for a change, or as any reading
 * command does for a dry run; an engine refusal of the request itself (one entry, an index out of
 * range, different sinks) becomes the command's failure, in its words.
 */
final class Repairing {
    private Repairing() {
    }

    static RepairResult run(StoreCommand command, RepairOptions options, Function<Console, RepairResult> act) {
        Actor actor = options.actor(command.context().defaultActor());
        try (CommandConsole store = options.dryRun ? command.access().reading(command.storeOptions)
                : command.access().changing(command.storeOptions, actor)) {
            return act.apply(store.console());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
