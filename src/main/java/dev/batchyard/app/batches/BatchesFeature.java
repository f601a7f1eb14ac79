package dev.batchyard.app.batches;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.Console;
import java.time.Clock;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The batches: the table with its filter bar and the failure groups, their view models over the
 * console, and the commands that reload, search and group them.
 */
public record BatchesFeature(BatchesView view, BatchTableViewModel table, FailureGroupsViewModel groups,
                             Commands commands) {
    /** At most four table rounds a second (measured: BatchTableLoadBench). */
    public static final Duration TABLE_ROUND_INTERVAL = Duration.ofMillis(250);

    /** Reload, focus the search field, clear the filter, show the failure groups instead. */
    public record Commands(Command refresh, Command focusFilter, Command clearFilter, Command toggleGroups) {
    }

    public static BatchesFeature build(Console console, TaskExecutor executor, Clock clock, Formats formats) {
        BatchTableViewModel table = new BatchTableViewModel(BatchReader.of(console), executor, clock,
                TABLE_ROUND_INTERVAL, formats.messages().engineTexts());
        FailureGroupsViewModel groups = new FailureGroupsViewModel(table.visibleRows(),
                new FailureGroups(new FailureReasonNormaliser()));
        BatchesView view = new BatchesView(table, groups, formats, console.info().settings().batchTtl());
        return new BatchesFeature(view, table, groups, commands(formats, table, view));
    }

    private static Commands commands(Formats formats, BatchTableViewModel table, BatchesView view) {
        var messages = formats.messages();
        KeyCombination.Modifier shortcut = KeyCombination.SHORTCUT_DOWN;
        ObservableBooleanValue never = Bindings.createBooleanBinding(() -> false);
        return new Commands(
                new Command("refresh", messages.text("action.refresh"), MaterialDesignR.REFRESH,
                        new KeyCodeCombination(KeyCode.F5), table.loadingProperty(), table::refresh),
                new Command("focusFilter", messages.text("action.focusFilter"), MaterialDesignM.MAGNIFY,
                        new KeyCodeCombination(KeyCode.F, shortcut), never, view.filterBar()::focusSearch),
                new Command("clearFilterCommand", messages.text("action.clearFilter"),
                        MaterialDesignF.FILTER_REMOVE_OUTLINE,
                        new KeyCodeCombination(KeyCode.F, shortcut, KeyCombination.SHIFT_DOWN), never,
                        table::clearFilter),
                new Command("toggleGroups", messages.text("action.toggleGroups"), MaterialDesignF.FORMAT_LIST_GROUP,
                        new KeyCodeCombination(KeyCode.G, shortcut), never, view::toggleGroups));
    }
}
