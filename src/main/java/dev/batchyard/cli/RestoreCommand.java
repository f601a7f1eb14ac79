package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code restore ID...}: takes back discards made less than {@code discard_grace} ago (audited). */
@Command(name = "restore", mixinStandardHelpOptions = true)
final class RestoreCommand extends StoreCommand {
    @Mixin
    ActionOptions action;

    @Override
    int run() {
        List<ActionResult> results;
        try (CommandConsole store = access().changing(storeOptions, action.actor(context().defaultActor()))) {
            results = store.console().restore(action.ids());
        }
        return report().printResults(out(), results);
    }
}
