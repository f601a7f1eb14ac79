package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One requeue dialog's state: dead batches to their own sink or another, the dry run the console
 * counts when the dialog opens, and the loop guard's question: batches requeued or rerouted past
 * {@code requeue_loop_limit} are left out unless the operator ticks them in (as the CLI's
 * {@code --include-looped}). Confirming waits for the count, so the looping batches are known.
 * UI thread only.
 */
public final class RequeueViewModel {
    /** Looping batches the question names before "+n more". */
    static final int LOOPED_NAMED = 5;

    private final ActionsViewModel actions;
    private final Messages messages;
    private final ActionTarget target;
    private final List<SinkChoice> choices;
    private final BooleanProperty ownSink = new SimpleBooleanProperty(true);
    private final ObjectProperty<SinkChoice> chosen = new SimpleObjectProperty<>();
    private final BooleanProperty includeLooped = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<List<BatchView>> looped = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper counted = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper dryRun = new ReadOnlyStringWrapper("");
    private final StringBinding question;
    private final StringBinding loopedQuestion;
    private final BooleanBinding cannotConfirm;

    public RequeueViewModel(ActionsViewModel actions, Messages messages, ActionTarget target, List<SinkChoice> choices) {
        this.actions = actions;
        this.messages = messages;
        this.target = target;
        this.choices = List.copyOf(choices);
        this.question = Bindings.createStringBinding(() -> actions.confirmation(action(), confirmedTarget()),
                ownSink, chosen, includeLooped, looped);
        this.loopedQuestion = Bindings.createStringBinding(this::loopedWords, looped);
        this.cannotConfirm = Bindings.createBooleanBinding(() -> !counted.get() || confirmedTarget().isEmpty()
                        || !ownSink.get() && (chosen.get() == null || !chosen.get().selectable()),
                counted, ownSink, chosen, includeLooped, looped);
        dryRun.set(messages.text("action.requeue.counting"));
    }

    /** Asks the console, off the UI thread, what the requeue would move and which batches loop. */
    public void count() {
        actions.countRequeue(target, count -> {
            dryRun.set(actions.previewText(count.preview()));
            looped.set(count.looped());
            counted.set(true);
        }, dryRun::set);
    }

    /** The batches the requeue will take: the target, less the looping ones unless they are ticked in. */
    public ActionTarget confirmedTarget() {
        if (includeLooped.get() || looped.get().isEmpty()) {
            return target;
        }
        Set<String> out = looped.get().stream().map(BatchView::id).collect(Collectors.toSet());
        long entries = target.entries() - looped.get().stream().mapToLong(BatchView::entryCount).sum();
        return new ActionTarget(target.scope(), target.ids().stream().filter(id -> !out.contains(id)).toList(),
                Math.max(0, entries));
    }

    /** The requeue the dialog answers with: to each batch's own sink, or to the chosen one. */
    public BulkAction.Requeue action() {
        return new BulkAction.Requeue(ownSink.get() || chosen.get() == null ? null : chosen.get().name());
    }

    private String loopedWords() {
        List<BatchView> batches = looped.get();
        if (batches.isEmpty()) {
            return "";
        }
        String named = batches.stream().limit(LOOPED_NAMED)
                .map(b -> messages.format("action.requeue.loopedBatch", b.id(), b.requeueCount()))
                .collect(Collectors.joining(", "));
        if (batches.size() > LOOPED_NAMED) {
            named = messages.format("action.requeue.loopedMore", named, batches.size() - LOOPED_NAMED);
        }
        return messages.format("action.requeue.looped", batches.size(), actions.confirmationCount(
                new ActionTarget(target.scope(), batches.stream().map(BatchView::id).toList(), 0)), named);
    }

    public List<SinkChoice> choices() {
        return choices;
    }

    /** Each batch to its own sink (the default), or all to {@link #chosenProperty()}. */
    public BooleanProperty ownSinkProperty() {
        return ownSink;
    }

    public ObjectProperty<SinkChoice> chosenProperty() {
        return chosen;
    }

    /** Whether the looping batches are requeued too; off unless the operator ticks it. */
    public BooleanProperty includeLoopedProperty() {
        return includeLooped;
    }

    /** The looping batches among the target, once counted. */
    public ReadOnlyObjectProperty<List<BatchView>> loopedProperty() {
        return looped.getReadOnlyProperty();
    }

    /** "2 batches are looping (...): b-1 (requeued 5 times), ..."; empty when none is. */
    public StringBinding loopedQuestionProperty() {
        return loopedQuestion;
    }

    /** Whether the console has answered the count. */
    public ReadOnlyBooleanProperty countedProperty() {
        return counted.getReadOnlyProperty();
    }

    /** "Requeue 3 batches (12 entries) to their own sinks?", counting only what will be requeued. */
    public StringBinding questionProperty() {
        return question;
    }

    public ReadOnlyStringProperty dryRunProperty() {
        return dryRun.getReadOnlyProperty();
    }

    /** Not counted yet, nothing left to requeue, or another sink wanted and none (or an unconfigured one) chosen. */
    public BooleanBinding cannotConfirmProperty() {
        return cannotConfirm;
    }
}
