package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reroute ID... --to SINK}: points batches at another configured sink, due now. */
@Command(name = "reroute", mixinStandardHelpOptions = true)
final class RerouteCommand extends StoreCommand {
    @Mixin
    ActionOptions action;

    @Option(names = "--to", paramLabel = "SINK", required = true, descriptionKey = "option.to")
    String sink;

    @Override
    int run() {
        List<ActionResult> results;
        try (CommandConsole store = access().changing(storeOptions, action.actor(context().defaultActor()))) {
            results = store.console().reroute(action.ids(), sink);
        }
        return report().printResults(out(), results);
    }
}
