package dev.batchyard.cli;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code reroute ID... --to SINK}: points batches at another configured sink, due now. Instead of
 * ids, a backlog by filter: {@code --all}, or {@code --state} and {@code --sink} as {@code list}
 * takes them ({@code reroute --state DEAD --to kafka}); the batches matching when the store is
 * opened are rerouted, in one action.
 */
@Command(name = "reroute", mixinStandardHelpOptions = true)
final class RerouteCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", arity = "0..*", descriptionKey = "param.ids")
    List<String> ids;

    @Option(names = "--all", descriptionKey = "option.allBatches")
    boolean all;

    @Option(names = "--state", paramLabel = "STATE", descriptionKey = "option.state")
    Set<BatchState> states;

    @Option(names = "--sink", paramLabel = "SINK", descriptionKey = "option.sink")
    Set<String> fromSinks;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    @Option(names = "--to", paramLabel = "SINK", required = true, descriptionKey = "option.to")
    String sink;

    @Override
    int run() {
        boolean byIds = ids != null && !ids.isEmpty();
        boolean byFilter = all || states != null || fromSinks != null;
        if (byIds == byFilter) {
            throw new ParameterException(spec.commandLine(), messages().get("reroute.selection"));
        }
        Actor actor = actorName == null || actorName.isBlank() ? context().defaultActor() : new Actor(actorName);
        List<ActionResult> results;
        try (CommandConsole store = access().changing(storeOptions, actor)) {
            List<String> chosen = byIds ? List.copyOf(ids)
                    : store.console().each(new BatchQuery(states, fromSinks, null, null, null), BatchOrder.OLDEST_FIRST,
                            ListCommand.PAGE).map(BatchView::id).toList();
            results = store.console().reroute(chosen, sink);
        }
        return report().printResults(out(), results);
    }
}
