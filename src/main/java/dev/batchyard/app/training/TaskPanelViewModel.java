package dev.batchyard.app.training;

import dev.batchyard.app.common.Messages;
import dev.batchyard.i18n.Language;
import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.run.TaskResult;
import dev.batchyard.training.scenario.Text;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The trainee's panel over a running scenario: the task at hand and its goal, the time left for
 * it, how many tasks are done, the hints asked for so far, and the debrief once the run is over.
 * Each {@link #tick()} reads the run's {@link RunSnapshot} (cheap: no disk); the texts change only
 * when what they say does. Not thread-safe: UI thread only (or one test thread).
 */
public final class TaskPanelViewModel {
    private final Supplier<RunSnapshot> snapshots;
    private final Messages messages;
    private final Language language;
    private final Map<String, Integer> hintsShown = new HashMap<>();
    private TaskResult current;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper(this, "task", "");
    private final ReadOnlyStringWrapper timer = new ReadOnlyStringWrapper(this, "timer", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper hints = new ReadOnlyStringWrapper(this, "hints", "");
    private final ReadOnlyBooleanWrapper hintAvailable = new ReadOnlyBooleanWrapper(this, "hintAvailable");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<RunReport> report = new ReadOnlyObjectWrapper<>(this, "report");

    /** @param snapshots the run as it stands (safe to call on the UI thread: it reads memory only) */
    public TaskPanelViewModel(Supplier<RunSnapshot> snapshots, Messages messages) {
        this.snapshots = snapshots;
        this.messages = messages;
        this.language = Language.of(messages.locale());
    }

    /** Reads the run again: the current task, its time left, the score so far; the debrief at the end. */
    public void tick() {
        RunSnapshot now = snapshots.get();
        title.set(now.scenario().title().in(language));
        List<TaskResult> tasks = now.tasks();
        long done = tasks.stream().filter(TaskResult::decided).count();
        progress.set(messages.format("training.progress", done, tasks.size()));
        Optional<TaskResult> open = tasks.stream().filter(t -> t.status() == TaskResult.Status.OPEN).findFirst()
                .or(() -> tasks.stream().filter(t -> t.status() == TaskResult.Status.WAITING).findFirst());
        current = open.orElse(null);
        if (current == null) {
            task.set(messages.text("training.allDecided"));
            timer.set(ScenarioTime.format(now.elapsed()));
        } else if (current.status() == TaskResult.Status.WAITING) {
            task.set(messages.format("training.nextOpens", ScenarioTime.format(current.task().opensAt().minus(now.elapsed()))));
            timer.set(ScenarioTime.format(now.elapsed()));
        } else {
            task.set(messages.format("training.task", tasks.indexOf(current) + 1, tasks.size(),
                    current.task().goal().in(language)));
            Duration left = current.task().deadline().minus(now.elapsed());
            timer.set(messages.format("training.timeLeft", ScenarioTime.format(left.isNegative() ? Duration.ZERO : left)));
        }
        showHints();
        failure.set(now.failure().isEmpty() ? "" : messages.format("training.stopped", now.failure()));
        if (now.over() && report.get() == null) {
            report.set(now.report());
        }
    }

    /** Shows the current task's next hint, if it has one not yet shown. */
    public void showHint() {
        if (hintAvailable.get()) {
            hintsShown.merge(current.task().id(), 1, Integer::sum);
            showHints();
        }
    }

    private void showHints() {
        if (current == null || current.status() != TaskResult.Status.OPEN) {
            hints.set("");
            hintAvailable.set(false);
            return;
        }
        List<Text> all = current.task().hints();
        int shown = hintsShown.getOrDefault(current.task().id(), 0);
        hints.set(all.subList(0, shown).stream().map(t -> t.in(language)).collect(Collectors.joining("\n")));
        hintAvailable.set(shown < all.size());
    }

    /** The scenario's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Task 1 of 2: the goal", or when the next one opens, or that all are decided. */
    public ReadOnlyStringProperty taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Time left for the current task ({@code m:ss}), or scenario time while none is open. */
    public ReadOnlyStringProperty timerProperty() {
        return timer.getReadOnlyProperty();
    }

    /** How many tasks are decided, of how many. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The current task's hints asked for so far, one a line. */
    public ReadOnlyStringProperty hintsProperty() {
        return hints.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hintAvailableProperty() {
        return hintAvailable.getReadOnlyProperty();
    }

    /** Why the run stopped before its end, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The debrief, set once when the run is over. */
    public ReadOnlyObjectProperty<RunReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    Messages messages() {
        return messages;
    }
}
