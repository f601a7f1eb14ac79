package dev.batchyard.app;

import dev.batchyard.app.batches.BatchReader;
import dev.batchyard.app.batches.BatchTableViewModel;
import dev.batchyard.app.batches.BatchesView;
import dev.batchyard.app.batches.FailureGroups;
import dev.batchyard.app.batches.FailureGroupsViewModel;
import dev.batchyard.app.batches.FailureReasonNormaliser;
import dev.batchyard.app.common.EventBridge;
import dev.batchyard.app.detail.BatchDetailView;
import dev.batchyard.app.detail.BatchDetailViewModel;
import dev.batchyard.app.detail.GoBatchJson;
import dev.batchyard.model.GoJson;
import dev.batchyard.engine.BatchView;
import javafx.collections.ListChangeListener;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.PulseTimer;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.shell.AboutDialog;
import dev.batchyard.app.shell.Command;
import dev.batchyard.app.shell.MainWindowView;
import dev.batchyard.app.shell.Menus;
import dev.batchyard.app.shell.ThemeSwitcher;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import java.time.Clock;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The composition root: builds the view models and views of one window over one open engine and
 * wires them to each other, the event bridge and the pulse. Nothing else constructs them.
 */
public final class AppContext implements AutoCloseable {
    /** Engine events waiting for the next pulse; beyond this the bridge is told how many it missed. */
    static final int EVENT_CAPACITY = 65_536;

    private final LaunchOptions options;
    private final PersistenceConfig config;
    private final BatchPersistence engine;
    private final Delivery delivery;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Messages messages;
    private final Formats formats;
    private final Preferences prefs;
    private final ThemeSwitcher theme;
    private final PulseTimer pulse = new PulseTimer();
    private final EventBridge bridge;
    private final BatchTableViewModel tableModel;
    private final FailureGroupsViewModel groupsModel;
    private final BatchDetailViewModel detailModel;

    public AppContext(LaunchOptions options, PersistenceConfig config, BatchPersistence engine, Delivery delivery,
                      TaskExecutor executor, Clock clock, Messages messages, Preferences prefs) {
        this.options = options;
        this.config = config;
        this.engine = engine;
        this.delivery = delivery;
        this.executor = executor;
        this.clock = clock;
        this.messages = messages;
        this.formats = new Formats(messages, clock.getZone());
        this.prefs = prefs;
        this.theme = new ThemeSwitcher(prefs);
        this.bridge = new EventBridge(engine.subscribe(EVENT_CAPACITY));
        this.tableModel = new BatchTableViewModel(BatchReader.of(engine), executor, clock);
        this.groupsModel = new FailureGroupsViewModel(tableModel.visibleRows(),
                new FailureGroups(new FailureReasonNormaliser()));
        this.detailModel = new BatchDetailViewModel(engine::batch, new GoBatchJson(new GoJson()), executor);
    }

    /** Builds the main window into {@code stage} and starts the pulse. */
    public MainWindowView show(Stage stage) {
        theme.applyRemembered();
        ObservableBooleanValue never = Bindings.createBooleanBinding(() -> false);
        Command quit = new Command("quit", messages.text("action.quit"), MaterialDesignE.EXIT_TO_APP,
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), never, stage::close);
        Command toggleTheme = new Command("toggleTheme", messages.text("action.toggleTheme"),
                MaterialDesignT.THEME_LIGHT_DARK,
                new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                never, theme::toggle);
        AboutDialog about = new AboutDialog(messages, AppVersion.read(), engine.directory());
        Command showAbout = new Command("about", messages.text("action.about"), MaterialDesignI.INFORMATION_OUTLINE,
                new KeyCodeCombination(KeyCode.F1), never, () -> about.show(stage));
        BatchesView batches = new BatchesView(tableModel, groupsModel, formats, config.batchTtl());
        Command refresh = new Command("refresh", messages.text("action.refresh"), MaterialDesignR.REFRESH,
                new KeyCodeCombination(KeyCode.F5), tableModel.loadingProperty(), tableModel::refresh);
        Command focusFilter = new Command("focusFilter", messages.text("action.focusFilter"), MaterialDesignM.MAGNIFY,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), never,
                batches.filterBar()::focusSearch);
        Command clearFilter = new Command("clearFilterCommand", messages.text("action.clearFilter"),
                MaterialDesignF.FILTER_REMOVE_OUTLINE,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), never,
                tableModel::clearFilter);
        Command toggleGroups = new Command("toggleGroups", messages.text("action.toggleGroups"),
                MaterialDesignF.FORMAT_LIST_GROUP, new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN),
                never, batches::toggleGroups);
        BatchDetailView detail = new BatchDetailView(detailModel, tableModel.nowProperty(), formats);
        Command copyJson = new Command("copyJson", messages.text("action.copyJson"), MaterialDesignC.CONTENT_COPY,
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                detailModel.rawJsonProperty().isEmpty(), detail::copyJson);
        Command exportJson = new Command("exportJson", messages.text("action.exportJson"), MaterialDesignE.EXPORT,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                detailModel.rawJsonProperty().isEmpty(), detail::exportJson);
        detail.addHeaderButtons(copyJson.button(), exportJson.button());
        tableModel.selection().addListener((ListChangeListener<BatchView>) c -> detailModel.show(
                tableModel.selection().isEmpty() ? null
                        : tableModel.selection().get(tableModel.selection().size() - 1).id()));
        MenuBar menuBar = new MenuBar(
                Menus.menu("fileMenu", messages.text("menu.file"), exportJson, copyJson, null, quit),
                Menus.menu("viewMenu", messages.text("menu.view"), refresh, focusFilter, clearFilter, toggleGroups,
                        null, toggleTheme),
                Menus.menu("helpMenu", messages.text("menu.help"), showAbout));
        MainWindowView window = new MainWindowView(messages, menuBar, Menus.toolBar(refresh, toggleGroups,
                null, toggleTheme), batches, detail, new StatusBar(), options.demo());
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(AppContext.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.format("app.titleWithStore", engine.directory().toString()));
        bridge.addListener(tableModel::onEvents);
        bridge.addListener(detailModel::onEvents);
        pulse.add(bridge::pump);
        pulse.add(new SecondTicker(clock, tableModel::tick));
        pulse.add(groupsModel::pulse);
        pulse.start();
        tableModel.refresh();
        return window;
    }

    public Formats formats() {
        return formats;
    }

    @Override
    public void close() {
        pulse.stop();
        bridge.close();
        engine.close();
    }
}
