package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One reroute dialog's state: the sinks to choose from, the chosen one, the question naming the
 * exact count, and the dry run (how many batches, entries and bytes, per sink, in flight, dead)
 * that the console counts in the background when the dialog opens. UI thread only.
 */
public final class RerouteViewModel {
    private final ActionsViewModel actions;
    private final ActionTarget target;
    private final List<SinkChoice> choices;
    private final ObjectProperty<SinkChoice> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper dryRun = new ReadOnlyStringWrapper("");
    private final StringBinding question;
    private final BooleanBinding cannotConfirm;

    public RerouteViewModel(ActionsViewModel actions, Messages messages, ActionTarget target, List<SinkChoice> choices) {
        this.actions = actions;
        this.target = target;
        this.choices = List.copyOf(choices);
        this.question = Bindings.createStringBinding(() -> chosen.get() == null
                ? messages.format("action.reroute.pickFor", target.size(), actions.confirmationCount(target))
                : actions.confirmation(new BulkAction.Reroute(chosen.get().name()), target), chosen);
        this.cannotConfirm = Bindings.createBooleanBinding(() -> chosen.get() == null || !chosen.get().selectable(),
                chosen);
        dryRun.set(messages.text("action.reroute.counting"));
    }

    /** Asks the console what the reroute would move, off the UI thread; the dry run says it when it comes. */
    public void count() {
        actions.preview(target, preview -> dryRun.set(actions.previewText(preview)), dryRun::set);
    }

    public List<SinkChoice> choices() {
        return choices;
    }

    /** The sink picked in the list; {@code null} until one is. */
    public ObjectProperty<SinkChoice> chosenProperty() {
        return chosen;
    }

    /** "Reroute 3 batches (12 entries) to loki?", or which batches need a sink while none is chosen. */
    public StringBinding questionProperty() {
        return question;
    }

    /** The dry run's words: "Counting…" until the console answers, then the counts, or why it could not. */
    public ReadOnlyStringProperty dryRunProperty() {
        return dryRun.getReadOnlyProperty();
    }

    /** No sink chosen yet, or one that is not configured. */
    public BooleanBinding cannotConfirmProperty() {
        return cannotConfirm;
    }

    /** The action the dialog answers with, for the chosen sink. */
    public BulkAction action() {
        return new BulkAction.Reroute(chosen.get().name());
    }
}
