package dev.batchyard.app;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rows of a table in a window test, found by their item's id, never by their text. A table is a
 * virtual flow: it keeps spare cells (the pile, the cell it measures with) that may hold the text of
 * a row and sit off screen, and TestFX's lookup by text found one of those in the full suite, so the
 * click selected nothing. So a test selects through the table's selection model ({@link #select});
 * a test about the mouse itself clicks the row the flow lays out for that item, scrolled into view,
 * at a point inside the flow ({@link #click}, {@link #pointOn}). The table's items are read on the
 * UI thread, where they change.
 */
public final class TableRows {
    private TableRows() {
    }

    /** Selects the batches {@code ids} through the selection model, as {@link #select(FxRobot, TableView, Function, String...)}. */
    public static void select(FxRobot robot, TableView<BatchView> table, String... ids) {
        select(robot, table, BatchView::id, ids);
    }

    /**
     * Waits until the rows of {@code ids} are read (a paged table holds placeholders until then),
     * gives the table the focus (as a click would, so its shortcuts apply) and selects exactly those
     * rows through its selection model; waits until the table says they are selected.
     */
    public static <T> void select(FxRobot robot, TableView<T> table, Function<T, String> id, String... ids) {
        List<String> wanted = List.of(ids);
        FxWait.until(FxWait.SECONDS, () -> "rows " + wanted + " in the table; it holds " + onFx(() -> ids(table, id)),
                () -> onFx(() -> indices(table, id, wanted).size() == wanted.size()));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearSelection();
            indices(table, id, wanted).forEach(table.getSelectionModel()::select);
        });
        FxWait.until(FxWait.SECONDS, () -> "rows " + wanted + " selected; selected are " + onFx(() -> selected(table, id)),
                () -> onFx(() -> selected(table, id).containsAll(wanted) && selected(table, id).size() == wanted.size()));
    }

    /** Clicks the batch {@code id}'s row, as {@link #click(FxRobot, TableView, Function, String)}. */
    public static void click(FxRobot robot, TableView<BatchView> table, String id) {
        click(robot, table, BatchView::id, id);
    }

    /**
     * Clicks the row on screen that shows {@code id} (see {@link #pointOn}) and waits until the click
     * selected it: under load the click's event may be handled after the robot's next move. With
     * Ctrl pressed by the caller it adds the row to the selection.
     */
    public static <T> void click(FxRobot robot, TableView<T> table, Function<T, String> id, String wanted) {
        robot.clickOn(pointOn(robot, table, id, wanted));
        FxWait.until(FxWait.SECONDS, () -> "the click on row " + wanted + " selected it; selected are "
                + onFx(() -> selected(table, id)), () -> onFx(() -> selected(table, id).contains(wanted)));
    }

    /**
     * A point on the screen inside the row that shows {@code wanted}: the row the flow lays out for
     * that item (not a spare cell), scrolled fully into view, the point within the flow's viewport.
     * For a test about a click, a double-click or a context menu on that row.
     */
    public static <T> Point2D pointOn(FxRobot robot, TableView<T> table, Function<T, String> id, String wanted) {
        FxWait.until(FxWait.SECONDS, () -> "row " + wanted + " in the table; it holds " + onFx(() -> ids(table, id)),
                () -> onFx(() -> !indices(table, id, List.of(wanted)).isEmpty()));
        AtomicReference<Point2D> point = new AtomicReference<>();
        FxWait.until(FxWait.SECONDS, () -> "row " + wanted + " laid out on screen", () -> onFx(() -> {
            List<Integer> at = indices(table, id, List.of(wanted));
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            if (at.isEmpty() || flow == null) {
                return false;
            }
            IndexedCell<?> cell = flow.getVisibleCell(at.get(0));
            if (cell instanceof TableRow<?> row && !row.isEmpty() && row.isVisible()
                    && row.getItem() != null && wanted.equals(id.apply(table.getItems().get(at.get(0))))) {
                Point2D inside = inside(flow, row);
                if (inside != null) {
                    point.set(inside);
                    return true;
                }
            }
            flow.scrollTo(at.get(0)); // fully into view; looked at again after the next layout
            return false;
        }));
        return point.get();
    }

    /** The middle of the part of {@code row} inside the flow's viewport, on the screen; null if it is not whole in it. */
    private static Point2D inside(VirtualFlow<?> flow, TableRow<?> row) {
        // the flow's clipped container is what shows rows: the flow's own bounds take in its scroll bars
        Node shown = Objects.requireNonNullElse(flow.lookup(".clipped-container"), flow);
        Bounds viewport = shown.localToScreen(shown.getLayoutBounds());
        Bounds bounds = row.localToScreen(row.getLayoutBounds());
        if (viewport == null || bounds == null || bounds.getMinY() < viewport.getMinY() - 0.5
                || bounds.getMaxY() > viewport.getMaxY() + 0.5) {
            return null;
        }
        double left = Math.max(bounds.getMinX(), viewport.getMinX());
        double right = Math.min(bounds.getMaxX(), viewport.getMaxX());
        // 40 px in from the left: in the first column, whatever the width of the others
        return new Point2D(Math.min(left + 40, (left + right) / 2), (bounds.getMinY() + bounds.getMaxY()) / 2);
    }

    private static <T> List<Integer> indices(TableView<T> table, Function<T, String> id, List<String> wanted) {
        List<Integer> found = new ArrayList<>();
        List<T> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item != null && wanted.contains(id.apply(item))) {
                found.add(i);
            }
        }
        return found;
    }

    private static <T> List<String> ids(TableView<T> table, Function<T, String> id) {
        return table.getItems().stream().map(item -> item == null ? "(not read)" : id.apply(item)).toList();
    }

    private static <T> List<String> selected(TableView<T> table, Function<T, String> id) {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).map(id).toList();
    }

    /** The index of the first row {@code table}'s flow lays out on screen, or -1 before it has any. UI thread only. */
    public static int firstShown(TableView<?> table) {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null
                ? flow.getFirstVisibleCell().getIndex() : -1;
    }

    /** {@code read} on the UI thread, where the table's lists change. */
    private static <V> V onFx(Callable<V> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the table on the UI thread", e);
        }
    }
}
