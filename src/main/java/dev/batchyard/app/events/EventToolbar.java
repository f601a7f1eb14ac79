package dev.batchyard.app.events;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** Filter, pause and auto-scroll controls of the live event stream, bound to its view model. */
final class EventToolbar extends HBox {

    EventToolbar(LiveEventsViewModel viewModel) {
        super(8);
        Messages messages = viewModel.formats().messages();
        getStyleClass().add("tool-bar");
        setFillHeight(false);
        setStyle("-fx-padding: 6 8 6 8; -fx-alignment: center-left;");

        TextField search = new TextField();
        search.setId("eventTextFilter");
        search.setPromptText(messages.text("events.filter.text"));
        search.setPrefColumnCount(18);
        search.setMinWidth(120);
        HBox.setHgrow(search, Priority.ALWAYS);
        search.textProperty().bindBidirectional(viewModel.textFilterProperty());

        ToggleButton pause = new ToggleButton();
        pause.setId("eventPause");
        pause.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pause.textProperty().bind(Bindings.when(pause.selectedProperty())
                .then(messages.text("events.resume")).otherwise(messages.text("events.pause")));
        pause.graphicProperty().bind(Bindings.when(pause.selectedProperty())
                .then(new FontIcon(MaterialDesignP.PLAY)).otherwise(new FontIcon(MaterialDesignP.PAUSE)));

        // "N new" is the way back: clicking it resumes, as in a chat window
        Button newEvents = new Button();
        newEvents.setId("eventNewCount");
        newEvents.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
        newEvents.visibleProperty().bind(viewModel.pausedProperty());
        newEvents.managedProperty().bind(newEvents.visibleProperty());
        newEvents.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("events.newWhilePaused", viewModel.newWhilePausedProperty().get()),
                viewModel.newWhilePausedProperty()));
        newEvents.setOnAction(e -> viewModel.pausedProperty().set(false));

        CheckBox autoScroll = new CheckBox(messages.text("events.autoScroll"));
        autoScroll.setId("eventAutoScroll");
        autoScroll.selectedProperty().bindBidirectional(viewModel.autoScrollProperty());

        getChildren().addAll(kindFilter(viewModel), sinkFilter(viewModel), search, pause, newEvents, autoScroll);
        // only the search field gives way when the panel is narrow; the rest keeps its words
        getChildren().stream().filter(node -> node != search && node instanceof Region)
                .forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
    }

    private static CheckComboBox<EventKind> kindFilter(LiveEventsViewModel viewModel) {
        Messages messages = viewModel.formats().messages();
        CheckComboBox<EventKind> kinds = new CheckComboBox<>();
        kinds.setId("eventKindFilter");
        kinds.getItems().setAll(EventKind.values());
        kinds.setConverter(new StringConverter<>() {
            @Override
            public String toString(EventKind kind) {
                return kind == null ? "" : messages.text(kind.key());
            }

            @Override
            public EventKind fromString(String text) {
                throw new UnsupportedOperationException("kinds are chosen, not typed");
            }
        });
        kinds.setTitle(messages.text("events.filter.kinds"));
        kinds.setShowCheckedCount(false);
        kinds.setPrefWidth(165);   // "Todos os tipos" and its arrow
        kinds.getCheckModel().getCheckedItems().addListener((ListChangeListener<EventKind>) change -> {
            List<EventKind> checked = List.copyOf(kinds.getCheckModel().getCheckedItems());
            viewModel.kindFilter().retainAll(checked);
            viewModel.kindFilter().addAll(checked);
            kinds.setTitle(checked.isEmpty() ? messages.text("events.filter.kinds")
                    : messages.format("events.filter.kindsSelected", checked.size()));
        });
        return kinds;
    }

    private static ComboBox<String> sinkFilter(LiveEventsViewModel viewModel) {
        String all = viewModel.formats().messages().text("events.filter.allSinks");
        ComboBox<String> sinks = new ComboBox<>();
        sinks.setId("eventSinkFilter");
        sinks.setPrefWidth(165);
        Runnable refill = () -> {
            String chosen = viewModel.sinkFilterProperty().get();
            sinks.getItems().setAll(all);
            sinks.getItems().addAll(viewModel.knownSinks());
            sinks.setValue(chosen.isEmpty() ? all : chosen);
        };
        refill.run();
        viewModel.knownSinks().addListener((ListChangeListener<String>) change -> refill.run());
        sinks.valueProperty().addListener((obs, was, now) ->
                viewModel.sinkFilterProperty().set(now == null || now.equals(all) ? "" : now));
        return sinks;
    }

    static Label summary(LiveEventsViewModel viewModel) {
        Label summary = new Label();
        summary.setId("eventSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.formats().messages().format("events.summary", viewModel.receivedProperty().get(),
                        viewModel.visibleRows().size(), viewModel.missedProperty().get()),
                viewModel.receivedProperty(), viewModel.visibleRows(), viewModel.missedProperty()));
        return summary;
    }
}
