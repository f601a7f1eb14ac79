package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.model.Actor;
import java.util.function.Function;

/**
 * Opens the store for {@code split}, {@code merge} or {@code edit}: with the lock for a change, or as any reading
 * command does for a dry run; an engine refusal of the request itself (one entry, an index out of
 * range, different sinks) becomes the command's failure, in its words.
 */
final class Repairing {
    private Repairing() {
    }

    static <T> T run(StoreCommand command, RepairOptions options, Function<Console, T> act) {
        return run(command, options.actor(command.context().defaultActor()), options.dryRun, act);
    }

    /** As above, for {@code actor}; a dry run opens the store as any reading command does. */
    static <T> T run(StoreCommand command, Actor actor, boolean dryRun, Function<Console, T> act) {
        try (CommandConsole store = dryRun ? command.access().reading(command.storeOptions)
                : command.access().changing(command.storeOptions, actor)) {
            return act.apply(store.console());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
