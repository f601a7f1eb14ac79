package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The New / Edit connection dialog's state: what the operator typed, the connection it makes (checked
 * by the {@code connections} records, whose message is shown as it is), the answer to Test (run in
 * the background; an answer to an older form is dropped) and Save into the saved connections. UI
 * thread only; tested without a window.
 */
public final class ConnectionFormViewModel {
    /** Which kind of connection the form describes. */
    public enum Kind { LOCAL, REMOTE }

    private final SavedConnections saved;
    private final Function<Connection, ConnectionTester.Answer> tester;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Optional<String> editing;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment", Environment.DEV);
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.LOCAL);
    private final StringProperty store = new SimpleStringProperty(this, "store", "");
    private final StringProperty config = new SimpleStringProperty(this, "config", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty tokenFile = new SimpleStringProperty(this, "tokenFile", "");
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper(this, "answer", "");
    private final ReadOnlyBooleanWrapper answerOk = new ReadOnlyBooleanWrapper(this, "answerOk");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");
    private long asked;

    /**
     * @param editing the name of the saved connection the form changes; empty for a new one
     */
    public ConnectionFormViewModel(SavedConnections saved, Function<Connection, ConnectionTester.Answer> tester,
                                   TaskExecutor executor, Messages messages, Optional<String> editing) {
        this.saved = saved;
        this.tester = tester;
        this.executor = executor;
        this.messages = messages;
        this.editing = editing;
        editing.flatMap(n -> saved.book().named(n)).ifPresent(this::fill);
        for (var field : new javafx.beans.Observable[] {name, environment, kind, store, config, url, tokenFile, caFile}) {
            field.addListener(o -> {   // an answer about another form would mislead
                asked++;
                testing.set(false);
                answer.set("");
                problem.set("");
            });
        }
    }

    private void fill(Connection connection) {
        name.set(connection.name());
        environment.set(connection.environment());
        if (connection instanceof LocalConnection local) {
            kind.set(Kind.LOCAL);
            store.set(local.store().toString());
            config.set(local.config().map(Path::toString).orElse(""));
        } else if (connection instanceof RemoteConnection remote) {
            kind.set(Kind.REMOTE);
            url.set(remote.url().toString());
            tokenFile.set(remote.tokenFile().map(Path::toString).orElse(""));
            caFile.set(remote.caFile().map(Path::toString).orElse(""));
        }
    }

    /**
     * The connection the form describes, or empty with {@link #problemProperty()} saying what is
     * wrong and in which field.
     */
    public Optional<Connection> connection() {
        try {
            Connection made = kind.get() == Kind.LOCAL
                    ? new LocalConnection(name.get(), environment.get(), path(store.get()), optionalPath(config.get()))
                    : new RemoteConnection(name.get(), environment.get(), uri(url.get()), optionalPath(tokenFile.get()),
                    optionalPath(caFile.get()));
            problem.set("");
            return Optional.of(made);
        } catch (IllegalArgumentException | NullPointerException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs Test in the background; {@link #answerProperty()} says the outcome. */
    public void test() {
        Optional<Connection> connection = connection();
        if (connection.isEmpty()) {
            return;
        }
        long mine = ++asked;
        testing.set(true);
        answer.set(messages.text("connection.test.running"));
        answerOk.set(false);
        executor.submit(() -> tester.apply(connection.get()), result -> {
            if (mine == asked) {
                testing.set(false);
                answerOk.set(result.ok());
                answer.set(result.text());
            }
        }, failure -> {
            if (mine == asked) {
                testing.set(false);
                answer.set(failure.toString());
            }
        });
    }

    /**
     * Saves the connection (in place of the one being edited); {@code saved} runs on the UI thread
     * once the file holds it. A refusal (a name taken) or a write failure is said in {@link #problemProperty()}.
     */
    public void save(Runnable done) {
        Optional<Connection> connection = connection();
        if (connection.isEmpty()) {
            return;
        }
        saving.set(true);
        saved.save(connection.get(), editing, () -> {
            saving.set(false);
            done.run();
        }, why -> {
            saving.set(false);
            problem.set(why);
        });
    }

    private static Path path(String text) {
        try {
            return text == null || text.isBlank() ? null : Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a path: " + e.getReason());
        }
    }

    private static Optional<Path> optionalPath(String text) {
        return Optional.ofNullable(path(text));
    }

    private static URI uri(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: '" + text + "' is not an address: " + e.getReason());
        }
    }

    public Optional<String> editing() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty storeProperty() {
        return store;
    }

    public StringProperty configProperty() {
        return config;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenFileProperty() {
        return tokenFile;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    /** What is wrong with the form, empty when nothing is (shown under the fields). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Test's answer: running, the role and batch count, or the exact error. */
    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty answerOkProperty() {
        return answerOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
