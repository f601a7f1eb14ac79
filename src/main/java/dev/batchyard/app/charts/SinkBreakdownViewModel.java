package dev.batchyard.app.charts;

import dev.batchyard.engine.StoreStats;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Stored batches per sink, from {@link StoreStats#bySink()}. A sink once seen keeps its place
 * (with zero when it has no batches left), so the bars do not jump around, and counts are
 * replaced in place: the chart updates bar heights instead of rebuilding bars.
 *
 * <p>Not thread-safe: FX thread only.
 */
public final class SinkBreakdownViewModel {
    private final ObservableList<SinkCount> counts = FXCollections.observableArrayList();
    // one wrapper for the object's life: it holds its listeners only weakly reachable from `counts`
    private final ObservableList<SinkCount> readOnlyCounts = FXCollections.unmodifiableObservableList(counts);

    public void accept(StoreStats stats) {
        Map<String, Integer> bySink = stats.bySink();
        for (int i = 0; i < counts.size(); i++) {
            SinkCount now = new SinkCount(counts.get(i).sink(), bySink.getOrDefault(counts.get(i).sink(), 0));
            if (!now.equals(counts.get(i))) {
                counts.set(i, now);
            }
        }
        bySink.entrySet().stream()
                .filter(e -> counts.stream().noneMatch(c -> c.sink().equals(e.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> counts.add(insertionPoint(e.getKey()), new SinkCount(e.getKey(), e.getValue())));
    }

    private int insertionPoint(String sink) {
        int at = 0;
        while (at < counts.size() && counts.get(at).sink().compareTo(sink) < 0) {
            at++;
        }
        return at;
    }

    /** One entry per sink ever seen, sorted by name. */
    public ObservableList<SinkCount> counts() {
        return readOnlyCounts;
    }
}
