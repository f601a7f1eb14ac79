package dev.batchyard.app;

import dev.batchyard.app.actions.ActionsFeature;
import dev.batchyard.app.actions.SinkCatalog;
import dev.batchyard.app.audit.AuditFeature;
import dev.batchyard.app.search.SearchFeature;
import dev.batchyard.app.batches.BatchesFeature;
import dev.batchyard.app.charts.ChartsFeature;
import dev.batchyard.app.cockpit.CockpitFeature;
import dev.batchyard.app.common.Command;
import dev.batchyard.app.connections.WindowConnection;
import dev.batchyard.app.common.EventBatcher;
import dev.batchyard.app.common.EventBridge;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.PulseTimer;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.app.common.SharedRead;
import dev.batchyard.app.common.StoreSession;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.common.ToolWindow;
import dev.batchyard.app.common.WindowTasks;
import dev.batchyard.app.demo.DemoControls;
import dev.batchyard.app.demo.DemoFeature;
import dev.batchyard.app.demo.DemoPanelViewModel;
import dev.batchyard.app.demo.InstructorCommands;
import dev.batchyard.app.detail.DetailFeature;
import dev.batchyard.app.discarded.DiscardedFeature;
import dev.batchyard.app.fleet.FleetFeature;
import dev.batchyard.app.fleet.FleetSources;
import dev.batchyard.app.fleet.FleetViewModel;
import dev.batchyard.app.common.ErrorDialog;
import dev.batchyard.app.common.FilePreferences;
import dev.batchyard.app.common.JoinsWhenShown;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.i18n.FailureText;
import dev.batchyard.app.detail.GoBatchJson;
import dev.batchyard.app.dlq.DlqBrowseViewModel;
import dev.batchyard.app.events.EventsFeature;
import dev.batchyard.app.goimport.GoImportFeature;
import dev.batchyard.app.health.HealthFeature;
import dev.batchyard.app.help.FileManager;
import dev.batchyard.app.help.LogFolder;
import dev.batchyard.app.help.UserGuideDialog;
import dev.batchyard.app.remote.ConnectionFeature;
import dev.batchyard.app.remote.ViewerBannerView;
import dev.batchyard.app.shell.AboutDialog;
import dev.batchyard.app.shell.MainMenus;
import dev.batchyard.app.shell.MainWindowView;
import dev.batchyard.app.shell.ThemeSwitcher;
import dev.batchyard.app.shell.WindowCommands;
import dev.batchyard.app.shell.WindowLayout;
import dev.batchyard.app.status.StatusFeature;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.logging.StateDirectory;
import dev.batchyard.remote.ConnectionState;
import dev.batchyard.runtime.StoreOpener;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The composition root of one window over one store's console: each feature builds itself
 * (view, view model, named commands); this lays them into the window, links the table's
 * selection to the detail, and feeds them the engine's events and the pulse. Nothing else
 * constructs them.
 */
public final class AppContext implements AutoCloseable {
    /** Engine events waiting for the next pulse; beyond this the bridge is told how many it missed. */
    static final int EVENT_CAPACITY = 65_536;
    /** How long closing the window waits for its background reads before the console goes. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);
    private static final URL STYLESHEET = AppContext.class.getResource("app.css");
    /** How often the live events list takes the events that arrived (see {@link EventBatcher}). */
    static final Duration LIVE_EVENTS_INTERVAL = Duration.ofMillis(250);
    /** How old the store's counts may be and still serve another once-a-second poller (see {@link SharedRead}). */
    static final Duration STATS_FRESH = Duration.ofMillis(500);

    private final boolean demoMode;
    private final WindowConnection connection;
    private final StoreSession session;
    private final Console console;
    private final DemoControls demo;
    private final WindowTasks tasks;
    private final Clock clock;
    private final Formats formats;
    private final Preferences prefs;
    private final PulseTimer pulse = new PulseTimer();
    private final EventBridge bridge;
    private final WindowLayout layout;
    private final GoBrowser goBrowser;
    private final DlqBrowser dlqBrowser;
    private final List<ToolWindow> toolWindows = new ArrayList<>();
    /** Whether the window shows the cockpit (View ▸ Cockpit) rather than its working layout. */
    private final BooleanProperty cockpit = new SimpleBooleanProperty(this, "cockpit");
    /** What View › Fleet lists and how it opens a connection; when not given, this window's own ({@link #withFleet}). */
    private FleetSources fleetSources;
    private FleetViewModel fleet;

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
        this(options, StoreSession.of(console), demo, executor, clock, messages, prefs, layoutNode);
    }

    /**
     * As the first, over a store that may be closed and opened again under the window (a training
     * scenario's crash): when {@code session} says it was, the window follows it (see {@link #show}).
     */
    public AppContext(LaunchOptions options, StoreSession session, DemoControls demo, TaskExecutor executor,
                      Clock clock, Messages messages, Preferences prefs, String layoutNode) {
        this(options, session, demo, executor, clock, messages, prefs, layoutNode, WindowConnection.NONE);
    }

    /**
     * As above, for a window over one of the user's connections: its header band, its File menu's
     * connection commands, its lock on changes and what a dropped directory does come from {@code connection}.
     */
    public AppContext(LaunchOptions options, StoreSession session, DemoControls demo, TaskExecutor executor,
                      Clock clock, Messages messages, Preferences prefs, String layoutNode, WindowConnection connection) {
        this.connection = connection;
        this.demoMode = options.demo();
        this.session = session;
        this.console = session.console();
        this.demo = demo;
        this.tasks = new WindowTasks(executor, DRAIN_LIMIT);
        this.clock = clock;
        this.formats = new Formats(messages, clock.getZone());
        this.prefs = prefs;
        this.bridge = new EventBridge(console.subscribe(EVENT_CAPACITY));
        this.layout = new WindowLayout(prefs, layoutNode);
        this.goBrowser = new GoBrowser(StoreOpener.standard(clock), GoImport.standard(), executor, clock, messages,
                prefs, Path.of(System.getProperty("java.io.tmpdir")));
        this.dlqBrowser = new DlqBrowser(DlqBrowseViewModel.standardScan(), executor, messages, clock);
    }

    /**
     * Gives View › Fleet the connections to list, the consoles open in this process and how a
     * connection opens in a window; before {@link #show}. Without it the fleet lists the saved
     * connections and this window's store, and opens only this window's.
     */
    public AppContext withFleet(FleetSources sources) {
        this.fleetSources = sources;
        return this;
    }

    private FleetSources ownFleet(Stage stage) {
        ConnectionFile file = new ConnectionFile(FilePreferences.defaultFile(System.getenv(),
                Path.of(System.getProperty("user.home"))).resolveSibling("connections.json"), clock);
        Messages messages = formats.messages();
        return FleetSources.ofWindow(file, console, stage::toFront, c -> new ErrorDialog(messages).show(stage,
                "fleet.openNotHere", new FailureText(messages.format("fleet.openNotHere.text", c.name()), "")));
    }

    /** Builds the main window into {@code stage} and starts the pulse. */
    public MainWindowView show(Stage stage) {
        Messages messages = formats.messages();
        ThemeSwitcher theme = new ThemeSwitcher(prefs);
        theme.applyRemembered();
        GoBatchJson json = new GoBatchJson(new GoJson());
        BatchesFeature batches = BatchesFeature.build(console, tasks, clock, formats);
        // the first page is read while the rest of the window is built and styled: its answer comes
        // back as a later task on this thread, when everything below is in place
        batches.table().refresh();
        SinkCatalog sinks = new SinkCatalog(console::sinks, console.info().configuredSinks(),
                () -> new ArrayList<>(batches.table().sinks()));
        DetailFeature detail = DetailFeature.build(console, json, tasks, formats, batches.table().nowProperty());
        ActionsFeature actions = ActionsFeature.build(console, json, tasks, formats, batches.table(), batches.view(),
                sinks, () -> stage, clock);
        actions.model().lockChanges(connection.changesLocked());
        actions.replay().lockChanges(connection.changesLocked());
        // the detail's split and edits are off whenever the actions are: the window's lock, a server away
        detail.model().lockChanges(actions.model().readOnlyProperty());
        GoImportFeature goImport = GoImportFeature.build(console, tasks, messages,
                actions.model().readOnlyProperty(), batches.table()::refresh, goBrowser::browse, dlqBrowser::browse,
                () -> stage);
        // the status bar, the charts and the cockpit's tiles each poll the counts once a second: one pass serves them
        Supplier<StoreStats> stats = new SharedRead<>(console::stats, STATS_FRESH, System::nanoTime);
        StatusFeature status = StatusFeature.build(console, stats, sinks, tasks, formats, batches.table().nowProperty());
        EventsFeature events = EventsFeature.build(formats, clock);
        ChartsFeature charts = ChartsFeature.build(formats, clock, tasks, stats, batches.table().source()::retryCounts);
        AuditFeature audit = AuditFeature.build(console, tasks, clock, formats, STYLESHEET, () -> stage);
        DiscardedFeature discarded = DiscardedFeature.build(console, actions.model(), tasks, clock, formats, STYLESHEET,
                () -> stage);
        SearchFeature search = SearchFeature.build(console, tasks, formats, STYLESHEET, () -> stage,
                (id, entry) -> openAt(stage, batches, detail, id, entry), ids -> selectInTable(stage, batches, ids));
        FleetFeature fleetView = FleetFeature.build(fleetSources != null ? fleetSources : ownFleet(stage), tasks, clock,
                formats, STYLESHEET, () -> stage);
        fleet = fleetView.model();
        toolWindows.addAll(List.of(audit.window(), discarded.window(), search.window(), fleetView.window()));
        AboutDialog about = new AboutDialog(messages, AppVersion.read(), console.info().location());
        UserGuideDialog guide = new UserGuideDialog(messages);
        LogFolder logFolder = new LogFolder(StateDirectory.of(System.getenv(), Path.of(System.getProperty("user.home"))),
                FileManager.ofThisPlatform(), tasks, messages, () -> stage);
        List<Command> guideLists = new ArrayList<>(); // the menus' commands, once they are made (the guide is one)
        Optional<DemoFeature> instructor = DemoFeature.build(demo, messages);
        DemoPanelViewModel demoModel = instructor.map(DemoFeature::model).orElse(null);
        CockpitFeature cockpitHead = CockpitFeature.build(console, stats, tasks, demoModel, messages);
        MainMenus menus = new MainMenus(batches.commands(), detail.commands(), actions.commands(),
                goImport.commands(), new MainMenus.Trail(audit.open(), discarded.open(), search.open(),
                        fleetView.open()),
                WindowCommands.of(messages, theme, new WindowCommands.Actions(() -> cockpit.set(!cockpit.get()),
                        () -> guide.show(stage, guideLists), logFolder::open, () -> about.show(stage), stage::close)),
                demoModel == null ? List.of() : InstructorCommands.of(demoModel, messages), connection.files(stage));
        guideLists.addAll(menus.commands());

        batches.view().table().setContextMenu(menus.selectionMenu());
        batches.view().groups().setContextMenu(menus.selectionMenu());
        // an action's outcome and the replay strip join the window when they first show (not styled with the first frame)
        VBox left = (VBox) new JoinsWhenShown(new VBox()).add(actions.feedback()).add(actions.replayStrip())
                .add(batches.view()).pane();
        VBox.setVgrow(batches.view(), Priority.ALWAYS);
        MainWindowView window = new MainWindowView(messages, menus.menuBar(messages, new LanguageChoice(prefs)),
                menus.toolBar(messages), left, detail.view(), status.view(), demoMode);
        cockpit.addListener((o, was, on) -> {
            window.showCockpit(on);
            cockpitHead.tiles().setShown(on);
        });
        window.fillCockpitHead(cockpitHead.view());
        HealthFeature health = HealthFeature.build(console, tasks, formats, window::showHealth);
        window.healthSlot().fill(health.page());
        // the capacity is a pass over the index: read only while its tab is in front
        window.healthTab().selectedProperty().addListener((o, was, shown) -> health.capacity().setShown(shown));
        window.healthTab().textProperty().bind(health.model().tabTitleProperty());
        connection.header().ifPresent(window::addBanner);
        window.addBanner(health.banner());
        session.connection().ifPresent(state -> followConnection(state, window, batches, detail, health, actions,
                status));
        window.eventsSlot().fillScrollingItself(events.view());
        window.chartsSlot().fill(charts.view());
        instructor.ifPresent(d -> window.instructorSlot().fill(d.view()));

        Scene scene = new Scene(window);
        scene.getStylesheets().add(STYLESHEET.toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.format(console.info().writable() ? "app.titleWithStore" : "app.titleReadOnly",
                console.info().location()));
        rememberLayout(stage, window, batches, detail, events);
        connection.acceptDrops(stage, goBrowser::browse, dlqBrowser::browse);

        batches.table().selection().addListener((ListChangeListener<BatchView>) c -> detail.model().show(
                batches.table().selection().isEmpty() ? null
                        : batches.table().selection().get(batches.table().selection().size() - 1).id()));
        bridge.addListener(batches.table()::onEvents);
        bridge.addListener(detail.model()::onEvents);
        bridge.addListener(actions.model()::onEvents);
        bridge.addListener(status.model()::onEvents);
        bridge.addListener(health.model()::onEvents);
        // the live list takes events four times a second: each hand-over lays its table out again
        EventBatcher liveEvents = new EventBatcher(events.model()::apply, LIVE_EVENTS_INTERVAL, System::nanoTime);
        bridge.addListener(liveEvents);
        bridge.addListener(charts.model()::acceptEvents);
        bridge.addListener(audit.model()::onEvents);
        bridge.addListener(discarded.model()::onEvents);
        bridge.addListener(cockpitHead.tiles()::onEvents);
        pulse.add(bridge::pump);
        pulse.add(liveEvents::flushIfDue);
        SecondTicker seconds = new SecondTicker(clock, now -> {
            batches.table().tick(now);
            status.model().tick(now);
            audit.model().tick(now);
            discarded.model().tick(now);
            health.capacity().tick(now);
            actions.replay().tick(now);
            cockpitHead.tiles().tick(now);
            fleet.tick(now);
        });
        pulse.add(batches.table()::pulse);
        pulse.add(batches.groups()::pulse);
        pulse.add(charts.everyPulse());
        pulse.add(new Completion(window, batches.table().loadingProperty()));
        // the store's health, the replay and the once-a-second reads start with the rest of the window, after the
        // first rows: over a remote store each is a request that would share the machine with the first frame
        pulse.add(new AfterFirstRows(window, () -> {
            health.model().load();
            actions.replay().load();
        }, seconds));
        session.onReopened(() -> followReopenedStore(events, batches, detail, health));
        pulse.start();
        return window;
    }

    /**
     * Puts in the parts of the window its first frame left out ({@link MainWindowView#completeStep}),
     * one a pulse: from the pulse after the one that laid out the table's first page (so that the rows
     * are drawn without waiting for the rest to be styled), or, if the store is slow to answer, after
     * {@value #FIRST_PAGE_WAIT} pulses (about 200 ms) anyway. The page comes in between pulses and its
     * rows are made in the next pulse's layout: a step in that pulse would style the detail in the same
     * frame, so a step waits for a pulse that began with the page already in.
     */
    static final class Completion implements Runnable {
        static final int FIRST_PAGE_WAIT = 12;
        private final MainWindowView window;
        private final ObservableValue<Boolean> firstPageLoading;
        private int pulses;
        /** Whether the page was in when the previous pulse began (that pulse laid its rows out). */
        private boolean pageWasIn;

        Completion(MainWindowView window, ObservableValue<Boolean> firstPageLoading) {
            this.window = window;
            this.firstPageLoading = firstPageLoading;
        }

        @Override
        public void run() {
            if (window.complete()) {
                return;
            }
            pulses++;   // the first is the first frame's own pulse
            boolean pageIn = !firstPageLoading.getValue();
            if (pulses > 1 && ((pageIn && pageWasIn) || pulses > FIRST_PAGE_WAIT)) {
                window.completeStep();
            }
            pageWasIn = pageIn;
        }
    }

    /** Runs {@code once}, then {@code everyPulse} at every pulse, from the pulse at which the window starts completing. */
    static final class AfterFirstRows implements Runnable {
        private final MainWindowView window;
        private Runnable once;
        private final Runnable everyPulse;

        AfterFirstRows(MainWindowView window, Runnable once, Runnable everyPulse) {
            this.window = window;
            this.once = once;
            this.everyPulse = everyPulse;
        }

        @Override
        public void run() {
            if (!window.completing()) {
                return;
            }
            if (once != null) {
                Runnable first = once;
                once = null;
                first.run();
            }
            everyPulse.run();
        }
    }

    /**
     * A window over a remote server shows how its connection stands (a banner, the status bar's
     * note), refuses changes while the server is away, and reads its table, detail and health again
     * when it is back (the counts and charts re-read on their own poll; the event stream resumes by
     * itself and says what was lost).
     */
    private void followConnection(ObservableValue<ConnectionState> state,
                                  MainWindowView window, BatchesFeature batches, DetailFeature detail,
                                  HealthFeature health, ActionsFeature actions,
                                  StatusFeature status) {
        ConnectionFeature link = ConnectionFeature.build(state, console.info().location(), formats, clock, () -> {
            batches.table().refresh();
            detail.model().reload();
            health.model().load();
        });
        window.addBanner(link.banner());
        ViewerBannerView.of(console.info().access(), formats.messages()).ifPresent(window::addBanner);
        actions.model().setConnected(link.model().connectedProperty().get());
        actions.replay().setConnected(link.model().connectedProperty().get());
        link.model().connectedProperty().addListener((o, was, up) -> {
            actions.model().setConnected(up);
            actions.replay().setConnected(up);
        });
        status.view().showConnection(link.model().statusTextProperty(), link.model().connectedProperty(),
                console.info().location());
        bridge.addListener(link.model()::onEvents);
        pulse.add(new SecondTicker(clock, link.model()::tick));
    }

    /**
     * The engine behind the console was closed and opened again: its event bus is a new one, so the
     * bridge subscribes anew; what the window read before is read again (the table, the shown batch,
     * the store's health; the rest re-reads on its own poll); the event stream says it happened.
     */
    private void followReopenedStore(EventsFeature events, BatchesFeature batches, DetailFeature detail,
                                     HealthFeature health) {
        bridge.resubscribe(console.subscribe(EVENT_CAPACITY));
        events.model().engineRestarted(clock.instant());
        batches.table().refresh();
        detail.model().reload();
        health.model().load();
    }

    /**
     * A search hit opened: its batch selected in the table (when the filter shows it) and the detail brought to that
     * entry, the main window in front. The detail shows the batch even when the table's filter hides its row.
     */
    private static void openAt(Stage stage, BatchesFeature batches, DetailFeature detail, String id, int entry) {
        batches.view().table().select(Set.of(id));
        detail.model().show(id, entry);
        stage.toFront();
    }

    /** Every batch with hits selected in the table (those its filter shows), for an action; the window in front. */
    private static void selectInTable(Stage stage, BatchesFeature batches, Set<String> ids) {
        batches.view().table().select(ids);
        stage.toFront();
    }

    private void rememberLayout(Stage stage, MainWindowView window, BatchesFeature batches, DetailFeature detail,
                                EventsFeature events) {
        layout.restoreWindow(stage);
        // defaults that leave the detail's tables room for their columns and the bottom tabs room for the charts
        layout.track("tableAndDetail", window.tableAndDetail(), MainWindowView.TABLE_AND_DETAIL_DIVIDER);
        layout.track("workAndSlots", window.workAndSlots(), MainWindowView.WORK_AND_SLOTS_DIVIDER);
        layout.tables().track("columns", batches.view().table());   // the batches table's key predates the others
        layout.tables().track("failureGroups", batches.view().groups());
        layout.tables().track("entries", detail.view().entriesTable());
        layout.tables().track("attempts", detail.view().attemptsTable());
        layout.tables().track("events", events.view().table());
    }

    public Formats formats() {
        return formats;
    }

    /**
     * Stops the pulse (no more reads start) and the layout's tracking, waits for the window's
     * reads in flight, then closes the console; the store stays open for whoever opened it to close.
     */
    @Override
    public void close() {
        pulse.stop();
        toolWindows.forEach(ToolWindow::close);
        if (fleet != null) {
            fleet.close();
        }
        layout.close();
        session.stopFollowing();
        bridge.close();
        tasks.close();
        console.close();
    }
}
