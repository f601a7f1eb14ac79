package dev.batchyard.app.shell;

import dev.batchyard.app.batches.BatchTableViewModel;
import dev.batchyard.app.batches.BatchesView;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.detail.BatchDetailView;
import dev.batchyard.app.detail.BatchDetailViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The window's non-mutating commands: reload, search, grouping, theme, copy/export, about, quit. */
public final class ViewCommands {
    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;

    public final Command refresh;
    public final Command focusFilter;
    public final Command clearFilter;
    public final Command toggleGroups;
    public final Command toggleTheme;
    public final Command copyJson;
    public final Command exportJson;
    public final Command about;
    public final Command quit;

    public ViewCommands(Messages messages, BatchTableViewModel table, BatchesView batches,
                        BatchDetailViewModel detailModel, BatchDetailView detail, ThemeSwitcher theme,
                        Runnable showAbout, Runnable close) {
        ObservableBooleanValue never = Bindings.createBooleanBinding(() -> false);
        refresh = new Command("refresh", messages.text("action.refresh"), MaterialDesignR.REFRESH,
                new KeyCodeCombination(KeyCode.F5), table.loadingProperty(), table::refresh);
        focusFilter = new Command("focusFilter", messages.text("action.focusFilter"), MaterialDesignM.MAGNIFY,
                new KeyCodeCombination(KeyCode.F, SHORTCUT), never, batches.filterBar()::focusSearch);
        clearFilter = new Command("clearFilterCommand", messages.text("action.clearFilter"),
                MaterialDesignF.FILTER_REMOVE_OUTLINE,
                new KeyCodeCombination(KeyCode.F, SHORTCUT, KeyCombination.SHIFT_DOWN), never, table::clearFilter);
        toggleGroups = new Command("toggleGroups", messages.text("action.toggleGroups"),
                MaterialDesignF.FORMAT_LIST_GROUP, new KeyCodeCombination(KeyCode.G, SHORTCUT), never,
                batches::toggleGroups);
        toggleTheme = new Command("toggleTheme", messages.text("action.toggleTheme"), MaterialDesignT.THEME_LIGHT_DARK,
                new KeyCodeCombination(KeyCode.T, SHORTCUT, KeyCombination.SHIFT_DOWN), never, theme::toggle);
        copyJson = new Command("copyJson", messages.text("action.copyJson"), MaterialDesignC.CONTENT_COPY,
                new KeyCodeCombination(KeyCode.C, SHORTCUT, KeyCombination.SHIFT_DOWN),
                detailModel.rawJsonProperty().isEmpty(), detail::copyJson);
        exportJson = new Command("exportJson", messages.text("action.exportJson"), MaterialDesignE.EXPORT,
                new KeyCodeCombination(KeyCode.E, SHORTCUT), detailModel.rawJsonProperty().isEmpty(),
                detail::exportJson);
        about = new Command("about", messages.text("action.about"), MaterialDesignI.INFORMATION_OUTLINE,
                new KeyCodeCombination(KeyCode.F1), never, showAbout);
        quit = new Command("quit", messages.text("action.quit"), MaterialDesignE.EXIT_TO_APP,
                new KeyCodeCombination(KeyCode.Q, SHORTCUT), never, close);
    }
}
