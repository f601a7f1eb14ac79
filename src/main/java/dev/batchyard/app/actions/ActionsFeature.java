package dev.batchyard.app.actions;

import dev.batchyard.app.batches.BatchTableViewModel;
import dev.batchyard.app.batches.BatchesView;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.detail.GoBatchJson;
import dev.batchyard.console.Console;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The operator's actions: the feedback strip over the table, its view model over the console and
 * the commands that run them on what the batches feature has selected or shows; the strip of the
 * store's throttled replay and its view model.
 */
public record ActionsFeature(ActionFeedbackView feedback, ActionsViewModel model, ActionCommands commands,
                             ReplayStrip replayStrip, ReplayViewModel replay) {

    /**
     * @param sinks  where a reroute may send batches
     * @param window the window the confirmations belong to
     */
    public static ActionsFeature build(Console console, GoBatchJson json, TaskExecutor executor, Formats formats,
                                       BatchTableViewModel table, BatchesView batches, SinkCatalog sinks,
                                       Supplier<Window> window, Clock clock) {
        BatchOperations ops = BatchOperations.of(console);
        ActionsViewModel model = new ActionsViewModel(ops, json, executor, formats, !console.info().writable());
        ReplayViewModel replay = new ReplayViewModel(ops, executor, clock, formats, !console.info().writable());
        model.onReplayStarted(replay::started);
        SelectionRepairs repairs = new SelectionRepairs(ops, executor, formats.messages(), model);
        ActionCommands commands = new ActionFlows(formats.messages(), model, table, batches, sinks, executor, window,
                repairs).commands();
        ActionFeedbackView feedback = new ActionFeedbackView(model, formats.messages(),
                ActionCommands.CANCEL.getDisplayText());
        return new ActionsFeature(feedback, model, commands, new ReplayStrip(replay, formats.messages()), replay);
    }
}
