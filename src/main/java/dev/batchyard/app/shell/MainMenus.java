package dev.batchyard.app.shell;

import dev.batchyard.app.actions.ActionCommands;
import dev.batchyard.app.batches.BatchesFeature;
import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.detail.DetailFeature;
import dev.batchyard.app.goimport.GoImportCommands;
import dev.batchyard.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;

/**
 * The main window's menu bar, toolbar and the batches' context menu, each laid out from the
 * features' commands by name ({@code null} is a separator).
 */
public record MainMenus(BatchesFeature.Commands batches, DetailFeature.Commands detail, ActionCommands actions,
                        GoImportCommands goImport, Trail trail, WindowCommands window, List<Command> instructor,
                        Files files) {

    /**
     * What the File menu offers first: the connections' commands (New connection…, Open store…) and
     * their submenus (Open connection ▸, Open recent ▸, Edit ▸, Remove ▸), kept up to date by their maker.
     */
    public record Files(List<Command> commands, List<MenuItem> submenus) {
        public Files {
            commands = List.copyOf(commands);
            submenus = List.copyOf(submenus);
        }

        /** A window without connections (a Go directory's browsing copy, a training run). */
        public static Files none() {
            return new Files(List.of(), List.of());
        }
    }

    /** The windows of their own: the audit trail, the recently discarded batches, the search inside entries, the fleet. */
    public record Trail(Command openAudit, Command openDiscarded, Command openSearch, Command openFleet) {
    }

    public MenuBar menuBar(Messages messages, LanguageChoice languageChoice) {
        Menu view = Menus.menu("viewMenu", messages.text("menu.view"), batches.refresh(), batches.focusFilter(),
                batches.clearFilter(), batches.toggleGroups(), null, trail.openSearch(), trail.openAudit(),
                trail.openDiscarded(), trail.openFleet(), null, window.toggleCockpit(), window.toggleTheme());
        view.getItems().add(LanguageMenu.build(messages, Language.of(messages.locale()), languageChoice));
        Menu file = Menus.menu("fileMenu", messages.text("menu.file"), goImport.importGo, goImport.browseGo,
                goImport.browseDlq, null,
                detail.exportJson(), detail.copyJson(), null, window.quit());
        if (!files.commands().isEmpty() || !files.submenus().isEmpty()) {
            List<MenuItem> first = new ArrayList<>();
            files.commands().forEach(c -> first.add(c.menuItem()));
            first.addAll(files.submenus());
            first.add(new SeparatorMenuItem());
            file.getItems().addAll(0, first);
        }
        MenuBar bar = new MenuBar(
                file,
                view,
                Menus.menu("actionsMenu", messages.text("menu.actions"), actions.retrySelected(),
                        actions.requeueSelected(),
                        actions.discardSelected(), actions.rerouteSelected(), null, actions.retryShown(),
                        actions.requeueShown(),
                        actions.discardShown(), actions.rerouteShown(), null, actions.labelSelected(),
                        actions.splitSelected(), actions.mergeSelected(), null, actions.toggleRecovery(),
                        actions.runCleanup(), actions.cancel()),
                Menus.menu("helpMenu", messages.text("menu.help"), window.userGuide(), window.openLogFolder(), null,
                        window.about()));
        if (!instructor.isEmpty()) {   // demo mode: the instructor's keys, before Help
            bar.getMenus().add(bar.getMenus().size() - 1,
                    Menus.menu("instructorMenu", messages.text("menu.instructor"), instructor.toArray(Command[]::new)));
        }
        bar.setId("mainMenuBar");
        return bar;
    }

    /** Every command the menus and the toolbar offer, for the user guide's keyboard map. */
    public List<Command> commands() {
        List<Command> all = new ArrayList<>(List.of(batches.refresh(), batches.focusFilter(), batches.clearFilter(), batches.toggleGroups(),
                trail.openSearch(), trail.openAudit(), trail.openDiscarded(), trail.openFleet(),
                goImport.importGo, goImport.browseGo, goImport.browseDlq, detail.exportJson(), detail.copyJson(),
                actions.retrySelected(), actions.discardSelected(), actions.rerouteSelected(), actions.retryShown(),
                actions.discardShown(), actions.rerouteShown(), actions.toggleRecovery(), actions.runCleanup(),
                actions.cancel(), actions.requeueSelected(), actions.requeueShown(), actions.labelSelected(),
                actions.splitSelected(), actions.mergeSelected(),
                window.toggleCockpit(), window.toggleTheme(), window.userGuide(), window.openLogFolder(),
                window.about(),
                window.quit()));
        all.addAll(instructor);
        all.addAll(files.commands());
        return List.copyOf(all);
    }

    public ToolBar toolBar(Messages messages) {
        return Menus.toolBar(messages, batches.refresh(), batches.toggleGroups(), null, actions.retrySelected(),
                actions.requeueSelected(), actions.discardSelected(), actions.rerouteSelected(), null, actions.toggleRecovery(),
                actions.runCleanup(), null, window.toggleTheme());
    }

    /** What a right click on a batch or a failure group offers: the actions on the selection. */
    public ContextMenu selectionMenu() {
        ContextMenu menu = new ContextMenu();
        for (Command command : new Command[] {actions.retrySelected(), actions.requeueSelected(),
                actions.discardSelected(), actions.rerouteSelected(), actions.labelSelected(), actions.splitSelected(),
                actions.mergeSelected()}) {
            MenuItem item = command.menuItem();
            item.setId(item.getId() + "Context");
            menu.getItems().add(item);
        }
        return menu;
    }
}
