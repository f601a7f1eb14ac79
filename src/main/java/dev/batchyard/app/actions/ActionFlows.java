package dev.batchyard.app.actions;

import dev.batchyard.app.batches.BatchTableViewModel;
import dev.batchyard.app.batches.BatchesView;
import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.ErrorDialog;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Builds the operator actions as {@link ActionCommands}: on the selection (or the selected failure
 * groups when that view is shown) and on everything the filter shows; recovery, cleanup, cancel.
 * The target's ids are taken when a command is invoked, so the confirmation states exactly what
 * will run. Everything the filter shows is asked of the store by the filter's query (the table
 * holds only the rows on screen), walked off the UI thread.
 */
final class ActionFlows {

    private final Messages messages;
    private final ActionsViewModel actions;
    private final BatchTableViewModel table;
    private final BatchesView batches;
    private final SinkCatalog sinks;
    private final TaskExecutor executor;
    private final Supplier<Window> window;
    private final ConfirmActionDialog confirm;
    private final RerouteDialog reroute;

    ActionFlows(Messages messages, ActionsViewModel actions, BatchTableViewModel table, BatchesView batches,
                          SinkCatalog sinks, TaskExecutor executor, Supplier<Window> window) {
        this.messages = messages;
        this.actions = actions;
        this.table = table;
        this.batches = batches;
        this.sinks = sinks;
        this.executor = executor;
        this.window = window;
        this.confirm = new ConfirmActionDialog(messages, actions);
        this.reroute = new RerouteDialog(messages, actions);
    }

    ActionCommands commands() {
        ObservableBooleanValue busy = actions.readOnlyProperty().or(actions.runningProperty());
        BooleanBinding noSelection = Bindings.createBooleanBinding(() -> selected().isEmpty(),
                table.selection(), batches.groups().getSelectionModel().getSelectedItems(),
                batches.showsGroupsProperty());
        ObservableBooleanValue cannotSelected = Bindings.or(busy, noSelection);
        ObservableBooleanValue cannotShown = Bindings.or(busy, table.shownProperty().isEqualTo(0));
        KeyCombination.Modifier shortcut = KeyCombination.SHORTCUT_DOWN;
        ObservableBooleanValue readOnly = actions.readOnlyProperty();
        return new ActionCommands(
                new Command("retrySelected", messages.text("command.retrySelected"), MaterialDesignR.REPLAY,
                        new KeyCodeCombination(KeyCode.R, shortcut), cannotSelected, () -> retry(selected())),
                new Command("discardSelected", messages.text("command.discardSelected"), MaterialDesignD.DELETE_OUTLINE,
                        new KeyCodeCombination(KeyCode.DELETE), cannotSelected, () -> discard(selected())),
                new Command("rerouteSelected", messages.text("command.rerouteSelected"), MaterialDesignC.CALL_SPLIT,
                        new KeyCodeCombination(KeyCode.R, shortcut, KeyCombination.SHIFT_DOWN), cannotSelected,
                        () -> reroute(selected())),
                new Command("retryShown", messages.text("command.retryShown"), null,
                        new KeyCodeCombination(KeyCode.R, shortcut, KeyCombination.ALT_DOWN), cannotShown,
                        () -> withShown(this::retry)),
                new Command("discardShown", messages.text("command.discardShown"), null,
                        new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHIFT_DOWN), cannotShown,
                        () -> withShown(this::discard)),
                new Command("rerouteShown", messages.text("command.rerouteShown"), null,
                        new KeyCodeCombination(KeyCode.R, shortcut, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN),
                        cannotShown, () -> withShown(this::reroute)),
                new Command("toggleRecovery", messages.text("command.toggleRecovery"), MaterialDesignP.PAUSE_CIRCLE_OUTLINE,
                        new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), readOnly, actions::toggleRecovery),
                new Command("runCleanup", messages.text("command.runCleanup"), MaterialDesignB.BROOM,
                        new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        readOnly, actions::runCleanupNow),
                new Command("cancelAction", messages.text("action.cancel"), null, ActionCommands.CANCEL,
                        actions.runningProperty().not(), actions::cancel));
    }

    private ActionTarget selected() {
        if (batches.showsGroups()) {
            return ActionTarget.ofGroups(batches.groups().getSelectionModel().getSelectedItems());
        }
        return ActionTarget.of(ActionTarget.Scope.SELECTION, table.selection());
    }

    /** Every batch the filter matches, read from the store by the query in the background, then {@code then}. */
    private void withShown(Consumer<ActionTarget> then) {
        BatchQuery query = table.query();
        executor.submit(() -> {
            try (Stream<BatchView> matching = table.source().each(query)) {
                return ActionTarget.of(ActionTarget.Scope.FILTERED, matching);
            }
        }, then, failure -> new ErrorDialog(messages).show(window.get(), "error.readBatches", failure));
    }

    private void retry(ActionTarget target) {
        if (target.size() == 1) {
            actions.run(new BulkAction.Retry(), target);
        } else {
            actions.preview(target, preview -> confirm.confirmRetry(window.get(), target, preview)
                    .ifPresent(a -> actions.run(a, target)));
        }
    }

    private void discard(ActionTarget target) {
        actions.preview(target, preview -> confirm.confirmDiscard(window.get(), target, preview)
                .ifPresent(a -> actions.run(a, target)));
    }

    private void reroute(ActionTarget target) {
        executor.submit(sinks::choices, choices -> reroute.choose(window.get(), target, choices)
                .ifPresent(a -> actions.run(a, target)),
                failure -> new ErrorDialog(messages).show(window.get(), "error.sinks", failure));
    }
}
