package dev.batchyard.app;

import dev.batchyard.app.actions.ActionFeedbackView;
import dev.batchyard.app.actions.ActionsViewModel;
import dev.batchyard.app.actions.BatchOperations;
import dev.batchyard.app.actions.SinkCatalog;
import dev.batchyard.app.batches.BatchReader;
import dev.batchyard.app.batches.BatchTableViewModel;
import dev.batchyard.app.batches.BatchesView;
import dev.batchyard.app.batches.FailureGroups;
import dev.batchyard.app.batches.FailureGroupsViewModel;
import dev.batchyard.app.batches.FailureReasonNormaliser;
import dev.batchyard.app.common.EventBridge;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.PulseTimer;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.detail.BatchDetailView;
import dev.batchyard.app.detail.BatchDetailViewModel;
import dev.batchyard.app.detail.GoBatchJson;
import dev.batchyard.app.health.DamageBannerView;
import dev.batchyard.app.health.StoreHealthView;
import dev.batchyard.app.health.StoreHealthViewModel;
import dev.batchyard.app.shell.AboutDialog;
import dev.batchyard.app.shell.ActionCommands;
import dev.batchyard.app.shell.Command;
import dev.batchyard.app.shell.GoImportCommands;
import dev.batchyard.app.goimport.GoImportViewModel;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.app.shell.MainWindowView;
import dev.batchyard.app.shell.LanguageMenu;
import dev.batchyard.app.shell.Menus;
import dev.batchyard.app.shell.PanelSlots;
import dev.batchyard.app.demo.DemoControls;
import dev.batchyard.app.dlq.DlqBrowseViewModel;
import dev.batchyard.app.shell.ThemeSwitcher;
import dev.batchyard.app.shell.ViewCommands;
import dev.batchyard.app.shell.TableLayout;
import dev.batchyard.app.shell.WindowLayout;
import dev.batchyard.app.status.StatusBarView;
import dev.batchyard.app.status.StatusViewModel;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.BatchView;
import dev.batchyard.i18n.Language;
import dev.batchyard.runtime.StoreOpener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The composition root: builds the view models and views of one window over one store's console
 * and wires them to each other, the event bridge and the pulse. Nothing else constructs them.
 */
public final class AppContext implements AutoCloseable {
    /** Engine events waiting for the next pulse; beyond this the bridge is told how many it missed. */
    static final int EVENT_CAPACITY = 65_536;
    /** At most four table rounds a second (measured: BatchTableLoadBench). */
    static final Duration TABLE_ROUND_INTERVAL = Duration.ofMillis(250);

    private final LaunchOptions options;
    private final Console console;
    private final StoreInfo info;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Messages messages;
    private final Formats formats;
    private final ThemeSwitcher theme;
    private final PulseTimer pulse = new PulseTimer();
    private final EventBridge bridge;
    private final SinkCatalog sinks;
    private final BatchTableViewModel tableModel;
    private final FailureGroupsViewModel groupsModel;
    private final BatchDetailViewModel detailModel;
    private final ActionsViewModel actionsModel;
    private final StatusViewModel statusModel;
    private final StoreHealthViewModel healthModel;
    private final WindowLayout layout;
    private final DemoControls demo;
    private final LanguageChoice languageChoice;
    private final GoImportViewModel goImportModel;
    private final GoBrowser goBrowser;
    private final DlqBrowser dlqBrowser;

    /**
     * @param console the store this window shows and acts on, acting as its actor; closed with the
     *                window, while the store stays open for whoever opened it to close
     * @param demo    the instructor panel's controls, or {@code null} outside demo mode
     */
    public AppContext(LaunchOptions options, Console console, DemoControls demo, TaskExecutor executor, Clock clock,
                      Messages messages, Preferences prefs) {
        this(options, console, demo, executor, clock, messages, prefs, WindowLayout.MAIN);
    }

    /**
     * As above, for a window that remembers its layout apart from the main window's.
     *
     * @param layoutNode the child of {@code prefs} its size, splits and columns are kept in
     */
    public AppContext(LaunchOptions options, Console console, DemoControls demo, TaskExecutor executor, Clock clock,
                      Messages messages, Preferences prefs, String layoutNode) {
        this.options = options;
        this.demo = demo;
        this.console = console;
        this.info = console.info();
        this.executor = executor;
        this.clock = clock;
        this.messages = messages;
        this.formats = new Formats(messages, clock.getZone());
        this.theme = new ThemeSwitcher(prefs);
        this.bridge = new EventBridge(console.subscribe(EVENT_CAPACITY));
        this.tableModel = new BatchTableViewModel(BatchReader.of(console), executor, clock, TABLE_ROUND_INTERVAL,
                messages.engineTexts());
        this.sinks = new SinkCatalog(console::sinks, info.configuredSinks(),
                () -> new ArrayList<>(tableModel.sinks()));
        this.groupsModel = new FailureGroupsViewModel(tableModel.visibleRows(),
                new FailureGroups(new FailureReasonNormaliser()));
        GoBatchJson json = new GoBatchJson(new GoJson());
        this.detailModel = new BatchDetailViewModel(console::batch, json, executor, messages.engineTexts());
        this.actionsModel = new ActionsViewModel(BatchOperations.of(console), json, executor, formats,
                !info.writable());
        this.statusModel = new StatusViewModel(console::stats, sinks, executor);
        this.healthModel = new StoreHealthViewModel(console::damage, executor, messages);
        this.layout = new WindowLayout(prefs, layoutNode);
        this.languageChoice = new LanguageChoice(prefs);
        this.goImportModel = new GoImportViewModel(console, GoImport.standard(), executor, messages);
        this.goBrowser = new GoBrowser(StoreOpener.standard(clock), GoImport.standard(), executor, clock, messages,
                prefs);
        this.dlqBrowser = new DlqBrowser(DlqBrowseViewModel.standardScan(), executor, messages, clock);
    }

    /** Builds the main window into {@code stage} and starts the pulse. */
    public MainWindowView show(Stage stage) {
        theme.applyRemembered();
        BatchesView batches = new BatchesView(tableModel, groupsModel, formats, info.settings().batchTtl());
        BatchDetailView detail = new BatchDetailView(detailModel, tableModel.nowProperty(), formats);
        AboutDialog about = new AboutDialog(messages, AppVersion.read(), info.location());
        ViewCommands view = new ViewCommands(messages, tableModel, batches, detailModel, detail, theme,
                () -> about.show(stage), stage::close);
        ActionCommands actionCommands = new ActionCommands(messages, actionsModel, tableModel, batches, sinks,
                executor, () -> stage);
        List<Command> bulk = actionCommands.bulk();
        List<Command> store = actionCommands.store();
        GoImportCommands goImport = new GoImportCommands(messages, goImportModel, actionsModel.readOnlyProperty(),
                tableModel::refresh, goBrowser::browse, dlqBrowser::browse, () -> stage);
        detail.addHeaderButtons(view.copyJson.button(messages), view.exportJson.button(messages));
        batches.table().setContextMenu(contextMenu(bulk.subList(0, 3)));
        batches.groups().setContextMenu(contextMenu(bulk.subList(0, 3)));
        ActionFeedbackView feedback = new ActionFeedbackView(actionsModel, messages,
                ActionCommands.CANCEL.getDisplayText());
        VBox left = new VBox(feedback, batches);
        VBox.setVgrow(batches, Priority.ALWAYS);

        List<Command> actionItems = new ArrayList<>(bulk.subList(0, 3));
        actionItems.add(null);
        actionItems.addAll(bulk.subList(3, 6));
        actionItems.add(null);
        actionItems.addAll(store);
        Menu viewMenu = Menus.menu("viewMenu", messages.text("menu.view"), view.refresh, view.focusFilter,
                view.clearFilter, view.toggleGroups, null, view.toggleTheme);
        viewMenu.getItems().add(LanguageMenu.build(messages, Language.of(messages.locale()), languageChoice));
        MenuBar menuBar = new MenuBar(
                Menus.menu("fileMenu", messages.text("menu.file"), goImport.importGo, goImport.browseGo,
                        goImport.browseDlq, null,
                        view.exportJson, view.copyJson, null, view.quit),
                viewMenu,
                Menus.menu("actionsMenu", messages.text("menu.actions"), actionItems.toArray(Command[]::new)),
                Menus.menu("helpMenu", messages.text("menu.help"), view.about));
        MainWindowView window = new MainWindowView(messages, menuBar,
                Menus.toolBar(messages, view.refresh, view.toggleGroups, null, bulk.get(0), bulk.get(1), bulk.get(2), null,
                        store.get(0), store.get(1), null, view.toggleTheme),
                left, detail, new StatusBarView(statusModel, tableModel.nowProperty(), formats, readOnlyNote()),
                options.demo());
        Scene scene = new Scene(window);
        scene.getStylesheets().add(AppContext.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        layout.restoreWindow(stage);
        // defaults that leave the detail's tables room for their columns and the events a few rows
        layout.track("tableAndDetail", window.tableAndDetail(), 0.58);
        layout.track("workAndSlots", window.workAndSlots(), 0.68);
        TableLayout tables = layout.tables();
        tables.track("columns", batches.table());   // the batches table's key predates the others
        tables.track("failureGroups", batches.groups());
        tables.track("entries", detail.entriesTable());
        tables.track("attempts", detail.attemptsTable());
        stage.setTitle(messages.format(info.writable() ? "app.titleWithStore" : "app.titleReadOnly", info.location()));
        window.healthSlot().fill(new StoreHealthView(healthModel, formats));
        window.healthTab().textProperty().bind(healthModel.tabTitleProperty());
        window.addBanner(new DamageBannerView(healthModel, messages, window::showHealth));
        wire();
        PanelSlots.fill(window, formats, clock, bridge, pulse, executor, console::stats,
                tableModel::allBatches, demo, tables);
        return window;
    }

    /** Empty for a store this window may change; else that it may not, and why. */
    private String readOnlyNote() {
        if (info.writable()) {
            return "";
        }
        return info.access() instanceof Access.HeldElsewhere held && held.holderPid() > 0
                ? messages.format("status.readOnlyHeld", held.holderPid()) : messages.text("status.readOnly");
    }

    private void wire() {
        tableModel.selection().addListener((ListChangeListener<BatchView>) c -> detailModel.show(
                tableModel.selection().isEmpty() ? null
                        : tableModel.selection().get(tableModel.selection().size() - 1).id()));
        bridge.addListener(tableModel::onEvents);
        bridge.addListener(detailModel::onEvents);
        bridge.addListener(actionsModel::onEvents);
        bridge.addListener(statusModel::onEvents);
        bridge.addListener(healthModel::onEvents);
        pulse.add(bridge::pump);
        pulse.add(new SecondTicker(clock, now -> {
            tableModel.tick(now);
            statusModel.tick(now);
        }));
        pulse.add(tableModel::pulse);
        pulse.add(groupsModel::pulse);
        pulse.start();
        tableModel.refresh();
        healthModel.load();
    }

    private static ContextMenu contextMenu(List<Command> commands) {
        ContextMenu menu = new ContextMenu();
        for (Command command : commands) {
            MenuItem item = command.menuItem();
            item.setId(item.getId() + "Context");
            menu.getItems().add(item);
        }
        return menu;
    }

    public Formats formats() {
        return formats;
    }

    /** Stops the pulse and closes the console; the store stays open for whoever opened it to close. */
    @Override
    public void close() {
        pulse.stop();
        bridge.close();
        console.close();
    }
}
