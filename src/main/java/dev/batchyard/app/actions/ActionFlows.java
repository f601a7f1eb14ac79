package dev.batchyard.app.actions;

import dev.batchyard.app.batches.BatchTableViewModel;
import dev.batchyard.app.batches.BatchesView;
import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.ErrorDialog;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Builds the operator actions as {@link ActionCommands}: on the selection (or the selected failure
 * groups when that view is shown) and on everything the filter shows; requeue of the dead batches
 * among them; recovery, cleanup, cancel. Retry, requeue and reroute may be paced (a throttled replay).
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
    private final RequeueDialog requeue;
    private final SelectionRepairs repairs;
    private final RepairDialogs repairDialogs;

    ActionFlows(Messages messages, ActionsViewModel actions, BatchTableViewModel table, BatchesView batches,
                          SinkCatalog sinks, TaskExecutor executor, Supplier<Window> window, SelectionRepairs repairs) {
        this.repairs = repairs;
        this.repairDialogs = new RepairDialogs(messages);
        this.messages = messages;
        this.actions = actions;
        this.table = table;
        this.batches = batches;
        this.sinks = sinks;
        this.executor = executor;
        this.window = window;
        this.confirm = new ConfirmActionDialog(messages, actions);
        this.reroute = new RerouteDialog(messages, actions);
        this.requeue = new RequeueDialog(messages, actions);
    }

    ActionCommands commands() {
        ObservableBooleanValue busy = actions.readOnlyProperty().or(actions.runningProperty());
        BooleanBinding noSelection = Bindings.createBooleanBinding(() -> selected().isEmpty(),
                table.selection(), batches.groups().getSelectionModel().getSelectedItems(),
                batches.showsGroupsProperty());
        ObservableBooleanValue cannotSelected = Bindings.or(busy, noSelection);
        ObservableBooleanValue cannotShown = Bindings.or(busy, table.shownProperty().isEqualTo(0));
        // requeue takes dead batches: enabled when the selection has one (what is shown is looked through when asked)
        BooleanBinding noDeadSelected = Bindings.createBooleanBinding(() -> deadSelected().isEmpty(),
                table.selection(), batches.groups().getSelectionModel().getSelectedItems(),
                batches.showsGroupsProperty());
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
                        actions.runningProperty().not(), actions::cancel),
                new Command("requeueSelected", messages.text("command.requeueSelected"), MaterialDesignI.INBOX_ARROW_UP,
                        new KeyCodeCombination(KeyCode.E, shortcut, KeyCombination.SHIFT_DOWN),
                        Bindings.or(busy, noDeadSelected), () -> requeue(deadSelected())),
                new Command("requeueShown", messages.text("command.requeueShown"), null, null,
                        cannotShown, () -> withShown(ActionFlows::dead, this::requeue)),
                new Command("labelSelected", messages.text("command.labelSelected"), null, null, cannotSelected,
                        this::label),
                new Command("splitSelected", messages.text("command.splitSelected"), null, null,
                        Bindings.or(busy, Bindings.size(table.selection()).isNotEqualTo(1)), this::split),
                new Command("mergeSelected", messages.text("command.mergeSelected"), null, null,
                        Bindings.or(busy, Bindings.size(table.selection()).lessThan(2)), this::merge));
    }

    private void label() {
        List<String> ids = selected().ids();
        repairDialogs.label(window.get(), ids.size()).ifPresent(l -> repairs.setLabel(ids, l.key(), l.value()));
    }

    private void split() {
        if (table.selection().size() == 1) {
            BatchView batch = table.selection().get(0);
            repairDialogs.split(window.get(), batch).ifPresent(repairs::split);
        }
    }

    private void merge() {
        List<String> ids = table.selection().stream().map(BatchView::id).toList();
        if (ids.size() >= 2 && repairDialogs.merge(window.get(), ids)) {
            repairs.merge(ids);
        }
    }

    private ActionTarget selected() {
        if (batches.showsGroups()) {
            return ActionTarget.ofGroups(batches.groups().getSelectionModel().getSelectedItems());
        }
        return ActionTarget.of(ActionTarget.Scope.SELECTION, table.selection());
    }

    /** Every batch the filter matches, read from the store by the query in the background, then {@code then}. */
    private void withShown(Consumer<ActionTarget> then) {
        withShown(view -> true, then);
    }

    /** As {@link #withShown(Consumer)}, keeping only the matching batches {@code which} accepts. */
    private void withShown(Predicate<BatchView> which, Consumer<ActionTarget> then) {
        BatchQuery query = table.query();
        executor.submit(() -> {
            try (Stream<BatchView> matching = table.source().each(query)) {
                return ActionTarget.of(ActionTarget.Scope.FILTERED, matching.filter(which));
            }
        }, then, failure -> new ErrorDialog(messages).show(window.get(), "error.readBatches", failure));
    }

    /**
     * The dead batches among the selection; a failure group's batches all (the engine answers
     * "not dead" for those that are not).
     */
    private ActionTarget deadSelected() {
        if (batches.showsGroups()) {
            return ActionTarget.ofGroups(batches.groups().getSelectionModel().getSelectedItems());
        }
        return deadOf(ActionTarget.Scope.SELECTION, table.selection());
    }

    private static ActionTarget deadOf(ActionTarget.Scope scope, Collection<BatchView> views) {
        List<BatchView> dead = views.stream().filter(ActionFlows::dead).toList();
        return ActionTarget.of(scope, dead);
    }

    private static boolean dead(BatchView view) {
        return view.state() == BatchState.DEAD;
    }

    private void retry(ActionTarget target) {
        if (target.size() == 1) {
            actions.run(new BulkAction.Retry(), target);
        } else {
            actions.preview(target, preview -> confirm.confirmRetry(window.get(), target, preview)
                    .ifPresent(actions::go));
        }
    }

    private void discard(ActionTarget target) {
        actions.preview(target, preview -> confirm.confirmDiscard(window.get(), target, preview)
                .ifPresent(a -> actions.run(a, target)));
    }

    private void reroute(ActionTarget target) {
        executor.submit(sinks::choices, choices -> reroute.choose(window.get(), target, choices)
                .ifPresent(actions::go),
                failure -> new ErrorDialog(messages).show(window.get(), "error.sinks", failure));
    }

    private void requeue(ActionTarget target) {
        if (target.isEmpty()) {
            actions.tell(messages.text("action.requeue.noneDead"));
            return;
        }
        executor.submit(sinks::choices, choices -> requeue.choose(window.get(), target, choices)
                .ifPresent(actions::go),
                failure -> new ErrorDialog(messages).show(window.get(), "error.sinks", failure));
    }
}
