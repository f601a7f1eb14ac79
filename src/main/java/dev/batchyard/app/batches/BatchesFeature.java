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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches: the table with its filter bar and the failure groups, their view models over the
 * console, and the commands that reload, search and group them.
 */
public record BatchesFeature(BatchesView view, BatchTableViewModel table, FailureGroupsViewModel groups,
                             Commands commands) {
    /**
     * Table rounds start at most this often (and a read's twice its time apart, see BatchTableViewModel),
     * counted from the previous read's start: an event is on screen within this plus a read. 150 ms, not
     * the 250 of the old rounds that read every row: a page is a few hundred rows (a first page by creation
     * about a millisecond on the store, CreationOrderRows), and the event-to-table goal is 250 ms (issue 19).
     */
    public static final Duration TABLE_ROUND_INTERVAL = Duration.ofMillis(150);
    /** The failure groups walk every match: at most one walk every two seconds while they are shown. */
    public static final Duration GROUPS_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(BatchesFeature.class);

    /** Reload, focus the search field, clear the filter, show the failure groups instead. */
    public record Commands(Command refresh, Command focusFilter, Command clearFilter, Command toggleGroups) {
    }

    public static BatchesFeature build(Console console, TaskExecutor executor, Clock clock, Formats formats) {
        BatchTableViewModel table = new BatchTableViewModel(BatchSource.of(console), executor, clock,
                TABLE_ROUND_INTERVAL, formats.messages().engineTexts());
        FailureGroupsViewModel groups = new FailureGroupsViewModel(table.source(), table::query,
                table.changesProperty(), executor, new FailureGroups(new FailureReasonNormaliser()), clock,
                GROUPS_INTERVAL, failure -> LOG.debug("failure groups: could not read the batches: {}", failure.toString())); // the executor warned
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
