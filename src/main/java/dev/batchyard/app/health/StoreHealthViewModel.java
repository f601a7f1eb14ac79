package dev.batchyard.app.health;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.model.DamageKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The store's damage reports as the window shows them: the store-health view's list, oldest first,
 * and the banner that says there is damage until the operator dismisses it (it comes back when more
 * is found). The reports come from two places that overlap: what the store found before this window
 * subscribed (read once with {@link #load()}, and again after the event stream missed events), and
 * the {@link CorruptionFound} events that follow; a report seen in both is shown once.
 *
 * <p>At most {@value #LISTED} reports are listed and counted (a store damaged everywhere could report
 * one per batch); past that the banner says that there are more.
 *
 * <p>Not thread-safe: UI thread only (or one test thread).
 */
public final class StoreHealthViewModel {
    static final int LISTED = 10_000;
    /** The banner names the gravest kinds first: what is gone, then what was set aside; any other kind after. */
    private static final List<DamageKind> GRAVEST_FIRST = List.of(DamageKind.BATCH_LOST, DamageKind.SEGMENT_MISSING,
            DamageKind.BATCH_QUARANTINED, DamageKind.DAMAGED_RECORDS, DamageKind.TORN_TAIL);

    private final Supplier<List<CorruptionFound>> damageSoFar;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<CorruptionFound> reports = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be collected. */
    private final ObservableList<CorruptionFound> reportsView = FXCollections.unmodifiableObservableList(reports);
    private final Set<CorruptionFound> known = new HashSet<>();
    private final Map<DamageKind, Integer> byKind = new EnumMap<>(DamageKind.class);
    private boolean overflow;
    private final ReadOnlyBooleanWrapper bannerShown = new ReadOnlyBooleanWrapper(this, "bannerShown");
    private final ReadOnlyBooleanWrapper lost = new ReadOnlyBooleanWrapper(this, "lost");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyStringWrapper tabTitle = new ReadOnlyStringWrapper(this, "tabTitle", "");
    private final ReadOnlyStringWrapper loadFailure = new ReadOnlyStringWrapper(this, "loadFailure", "");

    /**
     * @param damageSoFar every report the store has kept since it opened (called off the UI thread)
     * @param messages    words for the banner and the tab
     */
    public StoreHealthViewModel(Supplier<List<CorruptionFound>> damageSoFar, TaskExecutor executor,
                                Messages messages) {
        this.damageSoFar = damageSoFar;
        this.executor = executor;
        this.messages = messages;
        tabTitle.set(messages.text("health.tab"));
    }

    /** Reads what the store found so far, in the background; reports already shown stay where they are. */
    public void load() {
        executor.submit(damageSoFar::get, found -> {
            loadFailure.set("");
            add(found);
        }, failure -> loadFailure.set(messages.format("health.loadFailed",
                messages.engineTexts().failure(failure).oneLine())));
    }

    /** Takes one drained batch of engine events: damage is added; a gap in the stream re-reads the store's list. */
    public void onEvents(List<BatchEvent> events) {
        boolean missed = false;
        List<CorruptionFound> found = new ArrayList<>();
        for (BatchEvent event : events) {
            if (event instanceof CorruptionFound damage) {
                found.add(damage);
            } else if (event instanceof BatchEvent.Missed) {
                missed = true;
            }
        }
        add(found);
        if (missed) {
            load(); // a damage report may have been among the missed events; the store kept it
        }
    }

    /** Hides the banner until more damage is found. */
    public void dismissBanner() {
        bannerShown.set(false);
    }

    private void add(List<CorruptionFound> found) {
        List<CorruptionFound> fresh = new ArrayList<>();
        boolean news = false;
        for (CorruptionFound damage : found) {
            if (known.contains(damage)) {
                continue;
            }
            news = true;
            if (known.size() == LISTED) {
                overflow = true;   // past the list, a report cannot be told from one seen before: say there is more
            } else {
                known.add(damage);
                fresh.add(damage);
                byKind.merge(damage.kind(), 1, Integer::sum);
            }
        }
        if (news) {
            reports.addAll(fresh);   // one change for the table, however many arrived
            summarise();
            bannerShown.set(true);
        }
    }

    private void summarise() {
        StringJoiner parts = new StringJoiner(", ");
        byKind.keySet().stream().sorted(Comparator.comparingInt(StoreHealthViewModel::gravity)).forEach(kind ->
                parts.add(messages.format("health.banner.kind." + kind.name(), byKind.get(kind))));
        String text = messages.format("health.banner", reports.size(), parts.toString());
        bannerText.set(overflow ? text + " " + messages.format("health.banner.more", LISTED) : text);
        tabTitle.set(messages.format(overflow ? "health.tabWithMore" : "health.tabWithCount", reports.size()));
        lost.set(byKind.containsKey(DamageKind.BATCH_LOST));
    }

    private static int gravity(DamageKind kind) {
        int rank = GRAVEST_FIRST.indexOf(kind);
        return rank < 0 ? GRAVEST_FIRST.size() + kind.ordinal() : rank;
    }

    /** Every report, oldest first. */
    public ObservableList<CorruptionFound> reports() {
        return reportsView;
    }

    /** Whether the banner is up: there is damage the operator has not dismissed. */
    public ReadOnlyBooleanProperty bannerShownProperty() {
        return bannerShown.getReadOnlyProperty();
    }

    /** What the banner says: how many reports, and of what kinds. */
    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** Whether a batch was lost (the banner's gravest kind); otherwise the damage was cut or set aside. */
    public ReadOnlyBooleanProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    /** The health tab's title, with the number of reports once there are any. */
    public ReadOnlyStringProperty tabTitleProperty() {
        return tabTitle.getReadOnlyProperty();
    }

    /** Why the store's list could not be read, or empty. */
    public ReadOnlyStringProperty loadFailureProperty() {
        return loadFailure.getReadOnlyProperty();
    }
}
