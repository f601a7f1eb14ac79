package dev.batchyard.app.detail;

import dev.batchyard.app.batches.EventDelta;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.Rejections;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.legacy.ExportFile;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.LogEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The detail pane of one batch: metadata, retry history, entries (searchable) and the Go-shaped
 * JSON. Entries are read from disk in the background; a load that finishes after another batch
 * was chosen is dropped. A batch that leaves the store while shown (delivered, discarded, expired)
 * loses its metadata at once, since its state and next attempt are no longer true, and the pane
 * says how and when it left instead; {@link #GONE_NOTICE} later the pane clears. UI thread only.
 */
public final class BatchDetailViewModel {
    /** How long the pane says how a batch left before it clears. */
    public static final Duration GONE_NOTICE = Duration.ofSeconds(10);

    private final BatchLoader loader;
    private final BatchJson json;
    private final TaskExecutor executor;
    private final EngineTexts texts;

    private final ReadOnlyObjectWrapper<DetailState> state = new ReadOnlyObjectWrapper<>(DetailState.EMPTY);
    private final ReadOnlyObjectWrapper<BatchView> meta = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Departure> departure = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Attempt> attempts = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be collected. */
    private final ObservableList<Attempt> attemptsView = FXCollections.unmodifiableObservableList(attempts);
    private final ObservableList<LogEntry> allEntries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> entries = new FilteredList<>(allEntries);
    private final ReadOnlyIntegerWrapper focusedEntry = new ReadOnlyIntegerWrapper(-1);
    private int pendingFocus = -1;
    private final StringProperty entrySearch = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    /** What the last edit of the shown batch did, kept across the reads it causes; cleared when another batch is shown. */
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** Why the sink refused an entry in the latest attempt that named any, by the entry itself (two may be equal). */
    private final Map<LogEntry, String> rejected = new IdentityHashMap<>();
    private final ReadOnlyIntegerWrapper rejectedCount = new ReadOnlyIntegerWrapper(0);
    private final Function<SplitRequest, RepairResult> splitter;
    private final Function<EditRequest, EditResult> editor;
    /** The window's lock on changes (a prod connection until unlocked): split and edits wait for it. */
    private final BooleanProperty changesLocked = new SimpleBooleanProperty(this, "changesLocked");
    private String shownId;
    private long generation;

    /** @param texts words a failed read in the operator's language */
    public BatchDetailViewModel(BatchLoader loader, BatchJson json, TaskExecutor executor, EngineTexts texts) {
        this(loader, json, executor, texts, null);
    }

    /** @param splitter splits a batch (the console's {@code split}); null where the pane only shows */
    public BatchDetailViewModel(BatchLoader loader, BatchJson json, TaskExecutor executor, EngineTexts texts,
                                Function<SplitRequest, RepairResult> splitter) {
        this(loader, json, executor, texts, splitter, null);
    }

    /** @param editor edits a batch (the console's {@code edit}); null where the pane only shows */
    public BatchDetailViewModel(BatchLoader loader, BatchJson json, TaskExecutor executor, EngineTexts texts,
                                Function<SplitRequest, RepairResult> splitter, Function<EditRequest, EditResult> editor) {
        this.splitter = splitter;
        this.editor = editor;
        this.loader = loader;
        this.json = json;
        this.executor = executor;
        this.texts = texts;
        entrySearch.addListener((o, was, is) -> entries.setPredicate(matcher(is)));
    }

    /**
     * Shows batch {@code id} with its entry {@code entryIndex} brought forward (a search hit): once the batch is
     * read, {@link #focusedEntryProperty()} says which entry, and the view selects it.
     */
    public void show(String id, int entryIndex) {
        if (id != null && id.equals(shownId) && state.get() == DetailState.LOADED) {
            focusEntry(entryIndex);
            return;
        }
        pendingFocus = entryIndex;
        showBatch(id);
    }

    private void focusEntry(int index) {
        focusedEntry.set(-1); // set again even when it is the same entry: the operator asked for it again
        if (index >= 0 && index < allEntries.size()) {
            entrySearch.set(""); // a filter typed earlier must not hide it
            focusedEntry.set(index);
        }
    }

    /** Shows batch {@code id}, or nothing for {@code null}. */
    public void show(String id) {
        pendingFocus = -1;
        showBatch(id);
    }

    private void showBatch(String id) {
        if (id != null && id.equals(shownId) && state.get() != DetailState.FAILED) {
            return;
        }
        if (id == null && departure.get() != null) {
            return; // the row left the table because the batch left the store: the notice says how, then clears
        }
        load(id);
    }

    private void load(String id) {
        long mine = ++generation;
        if (id == null || !id.equals(shownId)) {
            notice.set("");
        }
        shownId = id;
        departure.set(null);
        if (id == null) {
            clear(DetailState.EMPTY);
            return;
        }
        state.set(DetailState.LOADING);
        executor.submit(() -> read(id), loaded -> {
            if (mine == generation) {
                apply(loaded);
            }
        }, error -> {
            if (mine == generation) {
                failure.set(texts.failure(error).oneLine());
                state.set(DetailState.FAILED);
            }
        });
    }

    private Loaded read(String id) {
        return loader.load(id).map(b -> new Loaded(b, json.write(b))).orElse(null);
    }

    private void apply(Loaded loaded) {
        if (loaded == null) {
            state.set(DetailState.GONE);
            return;
        }
        meta.set(loaded.batch().meta());
        attempts.setAll(loaded.batch().meta().attempts());
        rejected.clear();
        List<LogEntry> loadedEntries = loaded.batch().entries();
        Rejections.latest(loaded.batch().meta().attempts()).ifPresent(a -> a.rejections().stream()
                .filter(r -> r.index() < loadedEntries.size())
                .forEach(r -> rejected.put(loadedEntries.get(r.index()), r.reason())));
        rejectedCount.set(rejected.size());
        allEntries.setAll(loadedEntries);
        rawJson.set(loaded.json());
        state.set(DetailState.LOADED);
        int focus = pendingFocus;
        pendingFocus = -1;
        focusEntry(focus);
    }

    /** Reads the shown batch again (the store behind the window was opened again). */
    public void reload() {
        if (shownId != null) {
            load(shownId);
        }
    }

    /** Reloads the shown batch when one pulse's events touched it, marks it gone when it left. */
    public void onEvents(List<BatchEvent> events) {
        if (shownId == null) {
            return;
        }
        EventDelta delta = EventDelta.of(events);
        if (delta.removed().contains(shownId)) {
            generation++;
            // its entries and history stay readable for the notice; its state and next attempt are no longer true
            departure.set(Departure.of(events, shownId).orElse(null));
            meta.set(null);
            state.set(DetailState.GONE);
        } else if (delta.changed().contains(shownId) || delta.fullRefresh()) {
            load(shownId);
        } else if (delta.damaged().contains(shownId) && state.get() == DetailState.LOADED) {
            // found damaged by someone else (compaction): read again to show what is left. A load under
            // way or failed is the read that found it, and shows why; reading again would only report it again
            load(shownId);
        }
    }

    /** The clock moved: a departure shown for {@link #GONE_NOTICE} clears the pane. */
    public void tick(Instant now) {
        Departure left = departure.get();
        if (left != null && !now.isBefore(left.at().plus(GONE_NOTICE))) {
            generation++;
            shownId = null;
            departure.set(null);
            clear(DetailState.EMPTY);
        }
    }

    /** Writes the shown batch's JSON to {@code file} in the background. */
    public void export(Path file, Consumer<Path> done, Consumer<Throwable> failed) {
        String text = rawJson.get();
        // the file chooser has asked about replacing an existing file; written whole and owner-only
        executor.submit(() -> {
            ExportFile.write(file, text.getBytes(StandardCharsets.UTF_8), true);
            return file;
        }, done, failed);
    }

    /** {@code batch_<id>.json}, the Go agent's name for the file. */
    public String exportFileName() {
        return shownId == null ? "" : BatchJson.fileName(shownId);
    }

    private void clear(DetailState to) {
        meta.set(null);
        attempts.clear();
        rejected.clear();
        rejectedCount.set(0);
        allEntries.clear();
        rawJson.set("");
        failure.set("");
        state.set(to);
    }

    private static java.util.function.Predicate<LogEntry> matcher(String search) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return null;
        }
        return e -> contains(e.message(), needle) || contains(e.level(), needle)
                || contains(e.sourceType(), needle) || contains(e.sourceId(), needle);
    }

    private static boolean contains(String field, String needle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(needle);
    }

    public ReadOnlyObjectProperty<DetailState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** How the shown batch left the store, while the pane says so; {@code null} otherwise. */
    public ReadOnlyObjectProperty<Departure> departureProperty() {
        return departure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchView> metaProperty() {
        return meta.getReadOnlyProperty();
    }

    public ObservableList<Attempt> attempts() {
        return attemptsView;
    }

    /** The index (among all the batch's entries) of the entry to bring forward; -1 for none. */
    public ReadOnlyIntegerProperty focusedEntryProperty() {
        return focusedEntry.getReadOnlyProperty();
    }

    /** The entry at {@code index} among all the batch's entries (whatever the entry search shows). */
    public LogEntry entryAt(int index) {
        return allEntries.get(index);
    }

    /**
     * Why the sink refused {@code entry} (this very object, one of {@link #entries()}) in the batch's
     * latest attempt that named refused entries; empty when it did not refuse it.
     */
    public Optional<String> rejectionOf(LogEntry entry) {
        return Optional.ofNullable(rejected.get(entry));
    }

    /** How many of the shown batch's entries the sink refused in its latest attempt that named any. */
    public ReadOnlyIntegerProperty rejectedCountProperty() {
        return rejectedCount.getReadOnlyProperty();
    }

    /** Whether this pane may split the shown batch (it has a console that changes the store). */
    public boolean canSplit() {
        return splitter != null;
    }

    /**
     * Splits the entries the sink rejected out of the shown batch, in the background: the rest
     * becomes a batch of its own, due now; the shown batch leaves (its parts take its place).
     */
    public void splitFailedEntriesOut(Consumer<RepairResult> done, Consumer<Throwable> failed) {
        String id = shownId;
        if (splitter == null || id == null || changesLocked.get()) {
            return;
        }
        executor.submit(() -> splitter.apply(SplitRequest.failedEntries(id)), done, failed);
    }

    /**
     * Follows the window's lock on changes (a prod connection until its operator unlocks it), as the
     * actions do: while {@code locked} holds, split and edits are refused and their buttons are off.
     */
    public void lockChanges(ObservableBooleanValue locked) {
        changesLocked.bind(locked);
    }

    /** True while the window's lock on changes holds. */
    public ObservableBooleanValue changesLockedProperty() {
        return changesLocked;
    }

    /** Whether this pane may edit the shown batch (it has a console that changes the store). */
    public boolean canEdit() {
        return editor != null;
    }

    /** The index of {@code entry} (this very object) among all the shown batch's entries, or -1. */
    public int indexOf(LogEntry entry) {
        for (int i = 0; i < allEntries.size(); i++) {
            if (allEntries.get(i) == entry) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Replaces {@code entry} of the shown batch by {@code newJson} (the Go agent's JSON of it) in the background;
     * {@code before} is the entry as the editor read it, so an entry changed meanwhile is refused. The batch is read
     * again once the edit is made.
     */
    public void editEntry(LogEntry entry, String newJson, String before, Consumer<EditResult> done,
                          Consumer<Throwable> failed) {
        int index = indexOf(entry);
        if (index >= 0) {
            edit(new EditRequest.ReplaceEntry(shownId, index, newJson, before), done, failed);
        }
    }

    /** Removes {@code chosen} (these very objects) from the shown batch in the background, then reads it again. */
    public void removeEntries(List<LogEntry> chosen, Consumer<EditResult> done, Consumer<Throwable> failed) {
        List<Integer> indexes = chosen.stream().map(this::indexOf).filter(i -> i >= 0).toList();
        if (!indexes.isEmpty()) {
            edit(new EditRequest.RemoveEntries(shownId, indexes), done, failed);
        }
    }

    private void edit(EditRequest request, Consumer<EditResult> done, Consumer<Throwable> failed) {
        if (editor == null || shownId == null || changesLocked.get()) {
            return;
        }
        String id = shownId;
        executor.submit(() -> editor.apply(request), result -> {
            if (id.equals(shownId)) {
                load(id);
            }
            done.accept(result);
        }, failed);
    }

    /** The entries matching {@link #entrySearchProperty()}. */
    public ObservableList<LogEntry> entries() {
        return entries;
    }

    public int entryTotal() {
        return allEntries.size();
    }

    public StringProperty entrySearchProperty() {
        return entrySearch;
    }

    public ReadOnlyStringProperty rawJsonProperty() {
        return rawJson.getReadOnlyProperty();
    }

    /** What the last edit of the shown batch did (in the operator's words), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Says {@code text} of the shown batch until another batch is shown. */
    public void tell(String text) {
        notice.set(text);
    }

    /** Why the batch could not be read, in the operator's language with the English detail after it. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    private record Loaded(Batch batch, String json) {
    }
}
