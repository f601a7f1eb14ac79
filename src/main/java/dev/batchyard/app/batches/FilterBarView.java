package dev.batchyard.app.batches;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.HoverTooltip;
import dev.batchyard.app.common.Messages;
import dev.batchyard.model.BatchState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The filter bar above the batches: free text, sink, state, age, minimum retries, and the count. */
public final class FilterBarView extends VBox {
    private final Messages messages;
    private final TextField search = new TextField();
    /** Held so the bidirectional binding of the spinner is not collected (it is weak). */
    private final ObjectProperty<Integer> minRetries;

    public FilterBarView(BatchTableViewModel model, Formats formats) {
        super(6);
        this.messages = formats.messages();
        setId("filterBar");
        getStyleClass().add("filter-bar");

        search.setId("filterText");
        search.setPromptText(messages.text("filter.text.prompt"));
        HoverTooltip.install(search, messages.text("filter.text.tooltip"));
        search.textProperty().bindBidirectional(model.textProperty());

        ComboBox<Choice<String>> sink = combo("filterSink", sinkChoices(model.sinks()), model.sinkProperty());
        model.sinks().addListener((ListChangeListener<String>) c -> {
            String selected = model.sinkProperty().get();
            sink.getItems().setAll(sinkChoices(model.sinks()));
            select(sink, selected);
        });
        List<Choice<BatchState>> states = new ArrayList<>();
        states.add(new Choice<>(null, messages.text("filter.state.any")));
        for (BatchState s : BatchState.values()) {
            states.add(new Choice<>(s, messages.text("state." + s.name())));
        }
        ComboBox<Choice<BatchState>> state = combo("filterState", states, model.stateProperty());
        List<Choice<AgeFilter>> ages = new ArrayList<>();
        for (AgeFilter a : AgeFilter.values()) {
            ages.add(new Choice<>(a, messages.text(a.key())));
        }
        ComboBox<Choice<AgeFilter>> age = combo("filterAge", ages, model.ageProperty());

        Spinner<Integer> retries = new Spinner<>(0, 1_000, 0);
        retries.setId("filterRetries");
        retries.setEditable(true);
        retries.setPrefWidth(80);
        minRetries = model.minRetriesProperty().asObject();
        retries.getValueFactory().valueProperty().bindBidirectional(minRetries);
        HoverTooltip.install(retries, messages.text("filter.retries.tooltip"));

        Button clear = new Button(null, new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clear.setId("clearFilter");
        HoverTooltip.install(clear, messages.text("filter.clear"));
        clear.setOnAction(e -> model.clearFilter());

        Label count = new Label();
        count.setId("batchCount");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("filter.count", model.shownProperty().get(), model.totalProperty().get()),
                model.shownProperty(), model.totalProperty()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox first = new HBox(8, new FontIcon(MaterialDesignM.MAGNIFY), search, clear, count);
        first.setAlignment(Pos.CENTER_LEFT);
        for (Region r : List.of(sink, state, age, retries)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label retriesLabel = new Label(messages.text("filter.retries"));
        retriesLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox second = new HBox(8, sink, state, age, retriesLabel, retries);
        second.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(first, second);
    }

    /** Puts the keyboard focus in the free-text field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private List<Choice<String>> sinkChoices(List<String> sinks) {
        List<Choice<String>> choices = new ArrayList<>();
        choices.add(new Choice<>(null, messages.text("filter.sink.any")));
        sinks.forEach(s -> choices.add(new Choice<>(s, s)));
        return choices;
    }

    private static <T> ComboBox<Choice<T>> combo(String id, List<Choice<T>> choices, ObjectProperty<T> target) {
        ComboBox<Choice<T>> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices);
        select(box, target.get());
        box.valueProperty().addListener((o, was, is) -> {
            if (is != null && !Objects.equals(target.get(), is.value())) {
                target.set(is.value());
            }
        });
        target.addListener((o, was, is) -> select(box, is));
        return box;
    }

    private static <T> void select(ComboBox<Choice<T>> box, T value) {
        box.getItems().stream().filter(c -> Objects.equals(c.value(), value)).findFirst()
                .ifPresent(box::setValue);
    }
}
