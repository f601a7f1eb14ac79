package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.model.Actor;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code reroute ID... --to SINK}: points batches at another configured sink, due now. Instead of
 * ids, a backlog by filter: {@code --all}, or {@code --state} and {@code --sink} as {@code list}
 * takes them ({@code reroute --state DEAD --to kafka}); the batches matching when the store is
 * opened are rerouted, in one action. {@code --dry-run} prints what it would reroute and changes nothing;
 * {@code --rate N} reroutes and sends N a second ({@link RateOption}).
 */
@Command(name = "reroute", mixinStandardHelpOptions = true)
final class RerouteCommand extends StoreCommand {
    @Mixin
    Selection selection;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    @Option(names = "--to", paramLabel = "SINK", required = true, descriptionKey = "option.to")
    String sink;

    @Option(names = "--dry-run", descriptionKey = "option.actionDryRun")
    boolean dryRun;

    @Mixin
    RateOption rate;

    @Override
    int run() {
        rate.check(spec);
        if (!selection.valid()) {
            throw new ParameterException(spec.commandLine(), messages().get("reroute.selection"));
        }
        Actor actor = actorName == null || actorName.isBlank() ? context().defaultActor() : new Actor(actorName);
        if (dryRun) {
            try (CommandConsole store = access().reading(storeOptions)) {
                new PreviewReport(messages(), json).print(out(), "reroute", selection.preview(store.console()));
            }
            return ExitCode.OK;
        }
        List<ActionResult> results;
        try (CommandConsole store = access().changing(storeOptions, actor)) {
            if (rate.given()) {
                return rate.run(store.console(), ReplayRequest.Action.REROUTE, selection.resolve(store.console()), sink,
                        messages(), json, out());
            }
            results = store.console().reroute(selection.resolve(store.console()), sink);
        }
        return report().printResults(out(), results);
    }
}
