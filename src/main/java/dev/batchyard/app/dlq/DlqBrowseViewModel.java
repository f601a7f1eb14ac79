package dev.batchyard.app.dlq;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.OneLine;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.legacy.dlq.DamagedLine;
import dev.batchyard.legacy.dlq.DeadLetter;
import dev.batchyard.legacy.dlq.DlqDirectory;
import dev.batchyard.legacy.dlq.DlqFileReader;
import dev.batchyard.legacy.dlq.DlqLineFormat;
import dev.batchyard.legacy.dlq.DlqOverview;
import dev.batchyard.legacy.dlq.LineProblem;
import dev.batchyard.legacy.dlq.RefusedFile;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * File ▸ Open Go dead-letter directory: the entries of the agent's {@code dlq_*.log} files, read-only,
 * grouped by failed sink and error type, with how many entries and damaged lines each file has. The
 * scan runs on the background executor (a directory may hold hundreds of megabytes); the files are
 * only read. Choosing a group shows its entries.
 *
 * <p>Not thread-safe: UI thread only (or one test thread).
 */
public final class DlqBrowseViewModel {
    private final Function<Path, DlqOverview.Result> scan;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<DlqGroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<DeadLetter> letters = FXCollections.observableArrayList();
    private final FilteredList<DeadLetter> shown = new FilteredList<>(letters);
    private final ObservableList<DlqFileRow> files = FXCollections.observableArrayList();
    private final ObservableList<String> damaged = FXCollections.observableArrayList();
    // one read-only view of each, kept: listeners on a fresh wrapper per call would be collected
    private final ObservableList<DlqGroupRow> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObservableList<DeadLetter> entriesView = FXCollections.unmodifiableObservableList(shown);
    private final ObservableList<DlqFileRow> filesView = FXCollections.unmodifiableObservableList(files);
    private final ObservableList<String> damagedView = FXCollections.unmodifiableObservableList(damaged);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

    /** @param scan reads a directory into an overview (called off the UI thread) */
    public DlqBrowseViewModel(Function<Path, DlqOverview.Result> scan, TaskExecutor executor, Messages messages) {
        this.scan = scan;
        this.executor = executor;
        this.messages = messages;
    }

    /** The agent's own format, the first {@link DlqOverview#DEFAULT_MAX_ROWS} entries shown. */
    public static Function<Path, DlqOverview.Result> standardScan() {
        DlqDirectory directory = new DlqDirectory(new DlqFileReader(new DlqLineFormat(new GoJson())));
        return dir -> {
            DlqOverview overview = new DlqOverview(DlqOverview.DEFAULT_MAX_ROWS);
            directory.scan(dir, overview);
            return overview.result();
        };
    }

    /** Reads {@code dir} in the background and shows what it holds. */
    public void load(Path dir) {
        loading.set(true);
        failure.set("");
        executor.submit(() -> scan.apply(dir), this::show, error -> {
            loading.set(false);
            failure.set(messages.format("dlqBrowse.failed", messages.engineTexts().failure(error).oneLine()));
        });
    }

    /** Shows the entries of {@code group} only; {@code null} shows every entry. */
    public void choose(DlqGroupRow group) {
        shown.setPredicate(group == null ? null : l -> group.holds(l.failure().sink(), l.failure().errorType()));
    }

    private void show(DlqOverview.Result result) {
        loading.set(false);
        letters.setAll(result.rows());
        choose(null);
        groups.setAll(groupRows(result.groups()));
        files.setAll(result.files().stream().map(this::fileRow).toList());
        damaged.setAll(result.damaged().stream().map(this::describe).toList());
        String text = messages.format("dlqBrowse.summary", result.entries(), result.files().size(),
                result.damagedByProblem().values().stream().mapToLong(Long::longValue).sum());
        summary.set(result.truncated() ? text + " " + messages.format("dlqBrowse.truncated", result.rows().size())
                : text);
    }

    /** Each sink with its total, followed by its error types, in the order first seen. */
    private static List<DlqGroupRow> groupRows(Map<DlqOverview.Group, Long> counts) {
        Map<String, List<DlqGroupRow>> bySink = new LinkedHashMap<>();
        counts.forEach((g, n) -> bySink.computeIfAbsent(g.sink(), s -> new ArrayList<>())
                .add(new DlqGroupRow(g.sink(), g.errorType(), n)));
        List<DlqGroupRow> rows = new ArrayList<>();
        bySink.forEach((sink, errors) -> {
            rows.add(new DlqGroupRow(sink, null, errors.stream().mapToLong(DlqGroupRow::count).sum()));
            rows.addAll(errors);
        });
        return rows;
    }

    private DlqFileRow fileRow(DlqOverview.FileCounts f) {
        String opened = DlqDirectory.openedAt(f.file())
                .map(t -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale()).format(t))
                .orElse("");
        String problem = f.refused() == null ? "" : refusedText(f.refused().problem())
                + (f.refused().detail().isEmpty() ? "" : " (" + OneLine.of(f.refused().detail()) + ")");
        return new DlqFileRow(f.file().getFileName().toString(), opened, f.entries(), f.damagedLines(), problem);
    }

    private String describe(DamagedLine d) {
        return messages.format("dlqBrowse.damagedLine", d.file().getFileName().toString(), d.line(),
                problemText(d.problem()), OneLine.of(d.detail()));
    }

    /** The words for a line's problem; spelled out so every key is findable. */
    private String problemText(LineProblem problem) {
        return messages.text(switch (problem) {
            case CUT_SHORT -> "dlqBrowse.problem.CUT_SHORT";
            case NOT_JSON -> "dlqBrowse.problem.NOT_JSON";
            case NOT_AN_ENTRY -> "dlqBrowse.problem.NOT_AN_ENTRY";
            case TEXT_FORMAT -> "dlqBrowse.problem.TEXT_FORMAT";
            case TOO_LONG -> "dlqBrowse.problem.TOO_LONG";
            case BLANK -> "dlqBrowse.problem.BLANK";
            case DUPLICATE -> "dlqBrowse.problem.DUPLICATE";
        });
    }

    private String refusedText(RefusedFile.Problem problem) {
        return messages.text(switch (problem) {
            case SYMLINK -> "dlqBrowse.refused.SYMLINK";
            case TOO_LARGE -> "dlqBrowse.refused.TOO_LARGE";
            case UNREADABLE -> "dlqBrowse.refused.UNREADABLE";
        });
    }

    /** Sinks, each followed by its error types, with their counts. */
    public ObservableList<DlqGroupRow> groups() {
        return groupsView;
    }

    /** The entries of the chosen group, in file and line order. */
    public ObservableList<DeadLetter> entries() {
        return entriesView;
    }

    public ObservableList<DlqFileRow> files() {
        return filesView;
    }

    /** Each line not taken in, with its file, line number and why (the first ones, as the reader lists them). */
    public ObservableList<String> damagedLines() {
        return damagedView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How many entries in how many files, and how many lines were not taken in. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the directory could not be read, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
