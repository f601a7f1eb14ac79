package dev.batchyard.app.status;

import dev.batchyard.app.actions.SinkCatalog;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.StoreStats;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;

/** The status bar: the store's counts and sinks, and whether (and why) the window may not change the store. */
public record StatusFeature(StatusBarView view, StatusViewModel model) {

    /** @param stats the store's counts (the console's, maybe shared with the window's other pollers) */
    public static StatusFeature build(Console console, Supplier<StoreStats> stats, SinkCatalog sinks,
                                      TaskExecutor executor, Formats formats, ObservableValue<Instant> now) {
        StatusViewModel model = new StatusViewModel(stats, sinks, executor);
        return new StatusFeature(new StatusBarView(model, now, formats, readOnlyNote(console.info(), formats)), model);
    }

    /** Empty for a store this window may change; else that it may not, and why. */
    private static String readOnlyNote(StoreInfo info, Formats formats) {
        if (info.writable()) {
            return "";
        }
        var messages = formats.messages();
        if (info.access() instanceof Access.ReadOnlyToken token) {
            return messages.format("status.readOnlyToken", token.tokenName(), token.role());
        }
        return info.access() instanceof Access.HeldElsewhere held && held.holderPid() > 0
                ? messages.format("status.readOnlyHeld", held.holderPid()) : messages.text("status.readOnly");
    }
}
