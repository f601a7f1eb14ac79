package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.model.Actor;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code discard ID... --reason R} (or a filter: {@code --all}, {@code --state}, {@code --sink}):
 * takes batches out of delivery and out of every view (audited); they can be restored within
 * {@code discard_grace}. {@code --dry-run} prints what it would discard and changes nothing.
 */
@Command(name = "discard", mixinStandardHelpOptions = true)
final class DiscardCommand extends StoreCommand {
    @Mixin
    Selection selection;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "option.discardReason")
    String reason;

    @Option(names = "--dry-run", descriptionKey = "option.actionDryRun")
    boolean dryRun;

    @Override
    int run() {
        if (!selection.valid()) {
            throw new ParameterException(spec.commandLine(), messages().get("selection.either"));
        }
        if (!dryRun && (reason == null || reason.isBlank())) {
            throw new ParameterException(spec.commandLine(), messages().get("discard.reasonRequired"));
        }
        Actor actor = actorName == null || actorName.isBlank() ? context().defaultActor() : new Actor(actorName);
        if (dryRun) {
            try (CommandConsole store = access().reading(storeOptions)) {
                new PreviewReport(messages(), json).print(out(), "discard", selection.preview(store.console()));
            }
            return ExitCode.OK;
        }
        List<ActionResult> results;
        try (CommandConsole store = access().changing(storeOptions, actor)) {
            results = store.console().discard(selection.resolve(store.console()), reason);
        }
        return report().printResults(out(), results);
    }
}
