package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The group-by-failure-reason view of the rows on screen. Regrouping 100k rows is a pass over
 * them, so a change only marks the groups stale; {@link #pulse()} regroups at most once per pulse
 * and only while the view is shown ({@link #activeProperty()}).
 */
public final class FailureGroupsViewModel {
    private final List<BatchView> source;
    private final FailureGroups grouping;
    private final ObservableList<ReasonGroup> groups = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be collected. */
    private final ObservableList<ReasonGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final BooleanProperty active = new SimpleBooleanProperty();
    private boolean stale = true;

    public FailureGroupsViewModel(ObservableList<BatchView> source, FailureGroups grouping) {
        this.source = source;
        this.grouping = grouping;
        source.addListener((ListChangeListener<BatchView>) change -> stale = true);
        active.addListener((o, was, is) -> pulse());
    }

    /** Regroups if the rows changed since the last time and the view is shown. */
    public void pulse() {
        if (stale && active.get()) {
            stale = false;
            groups.setAll(grouping.of(List.copyOf(source)));
        }
    }

    public ObservableList<ReasonGroup> groups() {
        return groupsView;
    }

    /** Whether the groups are shown; the view binds its tab's selection to this. */
    public BooleanProperty activeProperty() {
        return active;
    }
}
