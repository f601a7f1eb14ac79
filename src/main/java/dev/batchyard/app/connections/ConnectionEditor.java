package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import java.util.Optional;
import javafx.stage.Window;

/** Opens the New connection and Edit connection dialogs over the saved connections. UI thread only. */
public final class ConnectionEditor {
    private final SavedConnections saved;
    private final ConnectionTester tester;
    private final TaskExecutor executor;
    private final Messages messages;

    public ConnectionEditor(SavedConnections saved, ConnectionTester tester, TaskExecutor executor, Messages messages) {
        this.saved = saved;
        this.tester = tester;
        this.executor = executor;
        this.messages = messages;
    }

    /** File › New connection… ({@code name} null) or Edit connection of the saved {@code name}. */
    public ConnectionDialog edit(Window owner, String name) {
        ConnectionFormViewModel form = new ConnectionFormViewModel(saved, tester::test, executor, messages,
                Optional.ofNullable(name));
        ConnectionDialog dialog = new ConnectionDialog(form, messages, owner);
        dialog.show();
        return dialog;
    }
}
