package dev.batchyard.cli;

import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Which batches a bulk command acts on: ids, or a filter ({@code --all}, {@code --state},
 * {@code --sink}, as {@code list} takes them), never both. A filter is resolved to ids when the
 * store is open, so the action works on exactly the batches that matched then.
 */
final class Selection {
    @Parameters(paramLabel = "ID", arity = "0..*", descriptionKey = "param.ids")
    List<String> ids;

    @Option(names = "--all", descriptionKey = "option.allBatches")
    boolean all;

    @Option(names = "--state", paramLabel = "STATE", descriptionKey = "option.state")
    Set<BatchState> states;

    @Option(names = "--sink", paramLabel = "SINK", descriptionKey = "option.sink")
    Set<String> sinks;

    /** Whether exactly one of ids and a filter was given. */
    boolean valid() {
        return byIds() != byFilter();
    }

    boolean byIds() {
        return ids != null && !ids.isEmpty();
    }

    private boolean byFilter() {
        return all || states != null || sinks != null;
    }

    BatchQuery query() {
        return new BatchQuery(states, sinks, null, null, null);
    }

    /** The ids chosen: as given, or those matching the filter now. */
    List<String> resolve(Console console) {
        return byIds() ? List.copyOf(ids)
                : console.each(query(), BatchOrder.OLDEST_FIRST, ListCommand.PAGE).map(BatchView::id).toList();
    }

    /** What an action on this selection would touch, changing nothing: the console's dry run by ids or by query. */
    ActionPreview preview(Console console) {
        return byIds() ? console.preview(ids) : console.preview(query());
    }
}
