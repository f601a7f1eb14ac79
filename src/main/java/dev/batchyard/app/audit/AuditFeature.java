package dev.batchyard.app.audit;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.common.ToolWindow;
import dev.batchyard.console.Console;
import java.net.URL;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * View › Audit trail: a window over the store's audit trail (who did what, when, to which batches,
 * with what result), its view model over the console, and the command that opens it (Ctrl+Shift+A).
 */
public record AuditFeature(AuditTrailViewModel model, AuditTrailView view, ToolWindow window, Command open) {

    public static AuditFeature build(Console console, TaskExecutor executor, Clock clock, Formats formats,
                                     URL stylesheet, Supplier<Window> owner) {
        AuditTrailViewModel model = new AuditTrailViewModel(console::audit, executor, clock,
                formats.messages().engineTexts());
        AuditTrailView view = new AuditTrailView(model, formats);
        ToolWindow window = new ToolWindow(view, formats.messages().format("audit.title", console.info().location()),
                stylesheet, model::open, model::close);
        Command open = new Command("openAudit", formats.messages().text("command.openAudit"),
                MaterialDesignH.HISTORY,
                new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Bindings.createBooleanBinding(() -> false), () -> window.show(owner.get()));
        return new AuditFeature(model, view, window, open);
    }
}
