package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code discard ID... --reason R}: removes batches without delivering them (audited). */
@Command(name = "discard", mixinStandardHelpOptions = true)
final class DiscardCommand extends StoreCommand {
    @Mixin
    ActionOptions action;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, descriptionKey = "option.discardReason")
    String reason;

    @Override
    int run() {
        List<ActionResult> results;
        try (CommandConsole store = access().changing(storeOptions, action.actor(context().defaultActor()))) {
            results = store.console().discard(action.ids(), reason);
        }
        return report().printResults(out(), results);
    }
}
