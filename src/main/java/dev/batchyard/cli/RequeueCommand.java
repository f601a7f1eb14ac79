package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code requeue ID...|--all|--state S|--sink S [--to SINK]}: dead batches due again now, at their
 * own sink or {@code --to} another, with a fresh retry budget (each one's history says so). By
 * filter, only dead batches are taken ({@code --all} means every dead batch). The loop guard: a batch
 * requeued or rerouted more than {@code requeue_loop_limit} times is left out, and named, unless
 * {@code --include-looped} (the CLI's way of asking before including it). {@code --dry-run} prints
 * what it would requeue and changes nothing; {@code --rate N} requeues and sends N a second
 * ({@link RateOption}).
 */
@Command(name = "requeue", mixinStandardHelpOptions = true)
final class RequeueCommand extends StoreCommand {
    @Mixin
    Selection selection;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    @Option(names = "--to", paramLabel = "SINK", descriptionKey = "option.requeueTo")
    String sink;

    @Option(names = "--include-looped", descriptionKey = "option.includeLooped")
    boolean includeLooped;

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
        if (!selection.byIds() && selection.states == null) {
            selection.states = Set.of(BatchState.DEAD); // requeue takes dead batches: a filter means dead ones
        }
        Actor actor = actorName == null || actorName.isBlank() ? context().defaultActor() : new Actor(actorName);
        if (dryRun) {
            try (CommandConsole store = access().reading(storeOptions)) {
                new PreviewReport(messages(), json).print(out(), "requeue", selection.preview(store.console()));
            }
            return ExitCode.OK;
        }
        List<ActionResult> results;
        try (CommandConsole store = access().changing(storeOptions, actor)) {
            List<String> ids = withoutLooped(store.console(), selection.resolve(store.console()));
            if (rate.given()) {
                return rate.run(store.console(), ReplayRequest.Action.REQUEUE, ids, blankless(sink), messages(), json,
                        out());
            }
            results = store.console().requeue(ids, blankless(sink));
        }
        return report().printResults(out(), results);
    }

    /** The ids, less the looping batches unless {@code --include-looped}; those left out are named on stderr. */
    private List<String> withoutLooped(Console console, List<String> ids) {
        if (includeLooped) {
            return ids;
        }
        List<BatchView> looped = console.find(ids).stream().filter(BatchView::looped).toList();
        if (looped.isEmpty()) {
            return ids;
        }
        err().println(messages().get("requeue.loopedLeftOut", looped.size(), looped.stream()
                .map(v -> v.id() + " (" + v.requeueCount() + ")").collect(Collectors.joining(", "))));
        Set<String> left = looped.stream().map(BatchView::id).collect(Collectors.toSet());
        return ids.stream().filter(id -> !left.contains(id)).toList();
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
