package dev.batchyard.app.batches;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.FixedRowHeight;
import dev.batchyard.app.common.Formats;
import dev.batchyard.engine.BatchView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The batches table: virtualised, sorted by the store, multi-select. It shows a window onto the
 * matches ({@link BatchTableViewModel}): after each layout it tells the view model which rows are on
 * screen, and the view model reads them. Selection is kept by id in the view model, so a row that
 * scrolls out of the rows read, or moves under a new order, stays selected and is selected again
 * on screen when it is read.
 */
public final class BatchTableView extends TableView<BatchView> {
    /** Rows selected unread that are remembered: a select-all of a million is not. */
    private static final int MAX_UNREAD = 1_000;
    /** A first row on screen this far down makes the flow's sums dearer than a layout (see {@link #showTop}). */
    private static final int DEEP = 100_000;
    private final BatchTableViewModel model;
    private final Runnable reportShown = this::reportShown;
    /** True while this view selects rows itself (restoring): the view model's selection is not the table's then. */
    private boolean restoring;
    /** True while the table's selection is being copied to the view model's. */
    private boolean selecting;
    private VirtualFlow<?> flow;
    /**
     * Rows selected before they were read (a click or End on a placeholder): selected again, and
     * reported, once read; forgotten when the matches change (the index may be another row then).
     */
    private final Set<Integer> unread = new HashSet<>();

    public BatchTableView(BatchTableViewModel model, Formats formats, Duration ttl) {
        super(model.visibleRows());
        this.model = model;
        setId("batchTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        FixedRowHeight.measureOnce(this);
        BatchColumns columns = new BatchColumns(formats, model.nowProperty(), ttl);
        getColumns().setAll(columns.all());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(true);
        setMinHeight(120);
        setPlaceholder(new Label(formats.messages().text("table.empty")));
        // the store sorts; the table only says by which column
        setSortPolicy(table -> {
            model.orderProperty().set(columns.orderOf(table.getSortOrder()));
            return true;
        });
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<BatchView>) c -> {
            if (!model.replacingProperty().get() && !restoring) {
                rememberUnread();
                report();
            }
        });
        model.replacingProperty().addListener((o, was, is) -> {
            if (!is) {
                restoreSelection();
            }
        });
        model.changesProperty().addListener((o, was, is) -> unread.clear());
        // a new filter or order is read from its top: the view goes there at once, so that it neither
        // reports rows deep in the old list nor lays out a million-row list at that depth as it shrinks
        model.questionsProperty().addListener((o, was, is) -> showTop());
        model.selection().addListener((ListChangeListener<BatchView>) c -> {
            if (!selecting) {
                restoreSelection();
            }
        });
        sceneProperty().addListener((o, was, is) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(reportShown);
            }
            if (is != null) {
                is.addPostLayoutPulseListener(reportShown);
            }
        });
    }

    private void report() {
        selecting = true;
        try {
            model.selection().setAll(readSelection());
        } finally {
            selecting = false;
        }
    }

    private void rememberUnread() {
        unread.clear();
        for (Integer index : getSelectionModel().getSelectedIndices()) {
            if (!model.isRead(index) && unread.size() < MAX_UNREAD) {
                unread.add(index);
            }
        }
    }

    /** The selected rows that are read (a range selected over rows not read yet holds nulls). */
    private List<BatchView> readSelection() {
        List<BatchView> read = new ArrayList<>();
        for (Integer index : getSelectionModel().getSelectedIndices()) {
            if (model.isRead(index)) {
                read.add(getItems().get(index));
            }
        }
        return read;
    }

    /**
     * Shows the first row. {@code scrollTo(0)} has JavaFX's {@code VirtualFlow} (21) add up the
     * height of every row above the one on screen, three times over: half a million rows in the
     * middle of a million took the FX thread 13-27 ms. Setting the flow's position to its start
     * needs no sum. But the flow keeps a size for every row down to the deepest it showed, and each
     * of its layouts sums that whole list twice, wherever it stands, until its row count changes.
     * From deep in the list, then, the count is changed and set back, which empties that list;
     * it costs a layout of the rows on screen, so it is not done near the top (a sort from the top
     * took up to twice as long between frames with it).
     */
    private void showTop() {
        VirtualFlow<?> shown = flow();
        if (shown == null) { // before the table's first layout: no flow yet, and nothing to sum
            scrollTo(0);
            return;
        }
        IndexedCell<?> first = shown.getFirstVisibleCell();
        shown.setPosition(0);
        if (first != null && first.getIndex() >= DEEP) {
            int rows = shown.getCellCount();
            shown.setCellCount(0);
            shown.setCellCount(rows);
        }
    }

    /** The skin's flow, made once: looked up once rather than every pulse; null before the first layout. */
    private VirtualFlow<?> flow() {
        if (flow == null && lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
            flow = found;
        }
        return flow;
    }

    /** After a layout: which rows are on screen, so the view model reads them. */
    private void reportShown() {
        VirtualFlow<?> shown = flow();
        if (shown != null) {
            IndexedCell<?> first = shown.getFirstVisibleCell();
            IndexedCell<?> last = shown.getLastVisibleCell();
            if (first != null && last != null) {
                model.showing(first.getIndex(), last.getIndex());
            }
        }
    }

    /**
     * Selects {@code ids} by id: those on screen now, scrolled to; all of those stored once the view
     * model has read them (search selects its hits this way, shown or not). Answers how many were on
     * screen.
     */
    public int select(Set<String> ids) {
        List<Integer> indices = readIndices(ids);
        clearAndSelect(indices); // reported to the view model now, so the detail follows before the caller moves it
        if (!indices.isEmpty()) {
            scrollTo(Math.max(0, indices.get(0) - 2));
        }
        model.select(ids);
        return indices.size();
    }

    /** Selects again, by id, the view model's selection among the rows read. */
    private void restoreSelection() {
        Set<String> wanted = new HashSet<>();
        model.selection().forEach(v -> wanted.add(v.id()));
        List<Integer> indices = readIndices(wanted);
        List<Integer> nowRead = unread.stream().filter(model::isRead).toList();
        unread.removeAll(nowRead);
        indices.addAll(nowRead);
        restoring = true;
        try {
            clearAndSelect(indices);
        } finally {
            restoring = false;
        }
        if (!nowRead.isEmpty()) {
            report();
        }
    }

    private List<Integer> readIndices(Set<String> ids) {
        List<Integer> indices = new ArrayList<>();
        if (ids.isEmpty()) {
            return indices;
        }
        List<BatchView> read = model.readRows();
        for (int i = 0; i < read.size(); i++) {
            if (ids.contains(read.get(i).id())) {
                indices.add(model.firstRead() + i);
            }
        }
        return indices;
    }

    private void clearAndSelect(List<Integer> indices) {
        getSelectionModel().clearSelection();
        if (!indices.isEmpty()) {
            int[] rest = indices.stream().skip(1).mapToInt(Integer::intValue).toArray();
            getSelectionModel().selectIndices(indices.get(0), rest);
        }
    }
}
