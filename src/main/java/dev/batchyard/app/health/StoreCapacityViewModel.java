package dev.batchyard.app.health;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.StoreCapacity;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The store's capacity and forecast as the store-health tab shows them (from
 * {@code Console.capacity()}): how full it is against {@code max_pending_bytes} and
 * {@code max_pending_batches}, how fast its backlog grows, when it is full at that rate, when its
 * oldest batch expires, its segments and what compaction would free.
 *
 * <p>Reading the capacity is a pass over the store's index (a second or so for a million batches),
 * so it is read in the background, only while the tab is shown, at most once every
 * {@link #REFRESH}, and never twice at once. Not thread-safe: UI thread only (or one test thread).
 */
public final class StoreCapacityViewModel {
    /** How often the shown tab reads the capacity again. */
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Supplier<StoreCapacity> read;
    private final TaskExecutor executor;
    private final Formats formats;
    private final Messages messages;
    private boolean shown;
    private boolean reading;
    private Instant lastRead;
    private Instant now = Instant.EPOCH;
    private final ReadOnlyDoubleWrapper bytesShare = new ReadOnlyDoubleWrapper(this, "bytesShare");
    private final ReadOnlyDoubleWrapper batchesShare = new ReadOnlyDoubleWrapper(this, "batchesShare");
    private final ReadOnlyStringWrapper bytes = new ReadOnlyStringWrapper(this, "bytes", "");
    private final ReadOnlyStringWrapper batches = new ReadOnlyStringWrapper(this, "batches", "");
    private final ReadOnlyStringWrapper growth = new ReadOnlyStringWrapper(this, "growth", "");
    private final ReadOnlyStringWrapper forecast = new ReadOnlyStringWrapper(this, "forecast", "");
    private final ReadOnlyStringWrapper oldest = new ReadOnlyStringWrapper(this, "oldest", "");
    private final ReadOnlyStringWrapper disk = new ReadOnlyStringWrapper(this, "disk", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ObservableList<StoreCapacity.Segment> segments = FXCollections.observableArrayList();
    private final ObservableList<StoreCapacity.Segment> segmentsView = FXCollections.unmodifiableObservableList(segments);

    /** @param read the store's capacity now (called off the UI thread) */
    public StoreCapacityViewModel(Supplier<StoreCapacity> read, TaskExecutor executor, Formats formats) {
        this.read = read;
        this.executor = executor;
        this.formats = formats;
        this.messages = formats.messages();
    }

    /** The tab came to the front (read now, if not read of late) or went behind (stop reading). */
    public void setShown(boolean shown) {
        this.shown = shown;
        tick(now);
    }

    /** The window's second tick: reads again when shown and the last read is {@link #REFRESH} old. */
    public void tick(Instant now) {
        this.now = now;
        if (shown && !reading && (lastRead == null || !now.isBefore(lastRead.plus(REFRESH)))) {
            lastRead = now;
            reading = true;
            executor.submit(read::get, this::show, this::failed);
        }
    }

    private void failed(Throwable cause) {
        reading = false;
        failure.set(messages.format("capacity.loadFailed", messages.engineTexts().failure(cause).oneLine()));
    }

    private void show(StoreCapacity c) {
        reading = false;
        failure.set("");
        bytesShare.set(share(c.liveBytes(), c.maxPendingBytes()));
        batchesShare.set(share(c.batches(), c.maxPendingBatches()));
        bytes.set(messages.format("capacity.bytes", formats.bytes(c.liveBytes()), formats.bytes(c.maxPendingBytes()),
                percent(c.liveBytes(), c.maxPendingBytes())));
        batches.set(messages.format("capacity.batches", formats.count(c.batches()), formats.count(c.maxPendingBatches()),
                percent(c.batches(), c.maxPendingBatches())));
        long minutes = c.window().toMinutes();
        growth.set(c.recentBatches() == 0 ? messages.format("capacity.notGrowing", minutes)
                : messages.format("capacity.growth", formats.bytes(Math.round(c.bytesPerSecond())), c.batchesPerSecond(),
                        minutes));
        Duration toFull = c.timeToFull();
        forecast.set(toFull == null ? messages.text("capacity.notFilling")
                : toFull.isZero() ? messages.text("capacity.full")
                : messages.format("capacity.fullIn", formats.duration(toFull)));
        oldest.set(c.oldestCreated() == null ? messages.text("capacity.empty")
                : messages.format("capacity.oldest", formats.relative(c.oldestCreated().toInstant(), c.at()),
                        c.oldestExpiresAt() == null ? "" : formats.relative(c.oldestExpiresAt(), c.at())));
        disk.set(messages.format("capacity.disk", formats.bytes(c.diskBytes()), c.segments().size(),
                formats.bytes(c.compactionWouldFree())));
        segments.setAll(c.segments());
    }

    private static double share(long part, long whole) {
        return whole <= 0 ? 0 : Math.min(1, (double) part / whole);
    }

    private static long percent(long part, long whole) {
        return Math.round(100 * share(part, whole));
    }

    /** Pending bytes against {@code max_pending_bytes}, 0 to 1. */
    public ReadOnlyDoubleProperty bytesShareProperty() {
        return bytesShare.getReadOnlyProperty();
    }

    /** Pending batches against {@code max_pending_batches}, 0 to 1. */
    public ReadOnlyDoubleProperty batchesShareProperty() {
        return batchesShare.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty batchesProperty() {
        return batches.getReadOnlyProperty();
    }

    /** How fast the backlog grew of late, or that it does not. */
    public ReadOnlyStringProperty growthProperty() {
        return growth.getReadOnlyProperty();
    }

    /** When a cap is reached at that rate, that one is, or that none will be. */
    public ReadOnlyStringProperty forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    /** When the oldest batch was created and when {@code batch_ttl} removes it. */
    public ReadOnlyStringProperty oldestProperty() {
        return oldest.getReadOnlyProperty();
    }

    /** Size on disk, segments, what compaction would free. */
    public ReadOnlyStringProperty diskProperty() {
        return disk.getReadOnlyProperty();
    }

    /** Why the capacity could not be read, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The segment files, oldest first, as last read. */
    public ObservableList<StoreCapacity.Segment> segments() {
        return segmentsView;
    }

    Formats formats() {
        return formats;
    }
}
