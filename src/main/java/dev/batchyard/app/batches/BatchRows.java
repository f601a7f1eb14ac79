package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The table's master list of batches, kept in step with the store by snapshots and deltas. An
 * id → position index makes an update O(1); removals are done in one pass per delta. A delta
 * touching more than {@link #BULK_THRESHOLD} rows is applied as one {@code setAll}, because the
 * sorted and filtered lists above re-sort once for that, but shift their arrays once per row
 * for single changes. UI thread only.
 */
public final class BatchRows {
    static final int BULK_THRESHOLD = 512;

    private final ObservableList<BatchView> rows = FXCollections.observableArrayList();
    private final Map<String, Integer> positionById = new HashMap<>();
    private final ReadOnlyBooleanWrapper replacing = new ReadOnlyBooleanWrapper();

    public ObservableList<BatchView> list() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public void replaceAll(Collection<BatchView> snapshot) {
        replacing.set(true);
        try {
            rows.setAll(snapshot);
            reindex();
        } finally {
            replacing.set(false);
        }
    }

    /**
     * True while the whole list is being replaced: a table loses its selection on a replace-all,
     * so its view remembers the selected ids when this turns true and restores them after.
     */
    public ReadOnlyBooleanProperty replacingProperty() {
        return replacing.getReadOnlyProperty();
    }

    /** Applies re-read rows (new ones are appended) and drops {@code removed}. */
    public void apply(Collection<BatchView> updated, Set<String> removed) {
        if (updated.size() + removed.size() > BULK_THRESHOLD) {
            applyInBulk(updated, removed);
            return;
        }
        if (!removed.isEmpty() && removed.stream().anyMatch(positionById::containsKey)) {
            rows.removeIf(view -> removed.contains(view.id()));
            reindex();
        }
        List<BatchView> added = new ArrayList<>();
        for (BatchView view : updated) {
            Integer at = positionById.get(view.id());
            if (at != null) {
                rows.set(at, view);
            } else if (!removed.contains(view.id())) {
                added.add(view);
            }
        }
        if (!added.isEmpty()) {
            int start = rows.size();
            rows.addAll(added);
            for (int i = 0; i < added.size(); i++) {
                positionById.put(added.get(i).id(), start + i);
            }
        }
    }

    private void applyInBulk(Collection<BatchView> updated, Set<String> removed) {
        Map<String, BatchView> byId = new LinkedHashMap<>();
        for (BatchView view : updated) {
            byId.put(view.id(), view);
        }
        List<BatchView> next = new ArrayList<>(rows.size() + byId.size());
        for (BatchView view : rows) {
            if (!removed.contains(view.id())) {
                BatchView newer = byId.remove(view.id());
                next.add(newer != null ? newer : view);
            }
        }
        for (BatchView view : byId.values()) {
            if (!removed.contains(view.id())) {
                next.add(view);
            }
        }
        replaceAll(next);
    }

    private void reindex() {
        positionById.clear();
        for (int i = 0; i < rows.size(); i++) {
            positionById.put(rows.get(i).id(), i);
        }
    }
}
