package dev.batchyard.app.training;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.training.scenario.Scenario;
import dev.batchyard.training.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the scenario picker offers: the built-in scenarios and any file a trainer loaded (read in
 * the background; a file that is not a scenario is said so, with the file, line and key the
 * reader names, and nothing is added). Not thread-safe: UI thread only (or one test thread).
 */
public final class ScenarioPickerViewModel {
    private final Function<Path, Scenario> reader;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<Scenario> scenarios;
    private final ObjectProperty<Scenario> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final ReadOnlyStringWrapper loadFailure = new ReadOnlyStringWrapper(this, "loadFailure", "");

    /** @param reader reads a trainer's file, throwing {@link ScenarioException} when it is not a scenario */
    public ScenarioPickerViewModel(List<Scenario> builtIn, Function<Path, Scenario> reader, TaskExecutor executor,
                                   Messages messages) {
        this.reader = reader;
        this.executor = executor;
        this.messages = messages;
        this.scenarios = FXCollections.observableArrayList(builtIn);
        if (!builtIn.isEmpty()) {
            chosen.set(builtIn.get(0));
        }
    }

    /** Reads {@code file}; a scenario joins the list, chosen; a bad file leaves the list as it was and says why. */
    public void load(Path file) {
        executor.submit(() -> reader.apply(file), scenario -> {
            loadFailure.set("");
            scenarios.add(scenario);
            chosen.set(scenario);
        }, failure -> loadFailure.set(messages.format("picker.badFile", failure.getMessage())));
    }

    public ObservableList<Scenario> scenarios() {
        return scenarios;
    }

    /** The scenario the trainee will start (the list's selection). */
    public ObjectProperty<Scenario> chosenProperty() {
        return chosen;
    }

    /** Why the last file could not be used, or empty. */
    public ReadOnlyStringProperty loadFailureProperty() {
        return loadFailure.getReadOnlyProperty();
    }

    Messages messages() {
        return messages;
    }
}
