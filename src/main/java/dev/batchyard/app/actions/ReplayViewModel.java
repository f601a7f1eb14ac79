package dev.batchyard.app.actions;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's throttled replay as the strip over the table shows it: done of total, the pace it
 * keeps (measured over the last seconds) and the one asked for, the time left, the batches left
 * uncertain by a crash, and Pause / Resume / Cancel, each sent to the console off the UI thread.
 *
 * <p>The console is read when the window opens (so an unfinished replay is shown again), when this
 * window starts one, after each control, and at most once a second ({@link #tick}) while one is open;
 * while none is, every {@link #IDLE_POLL} (the CLI or another window may start one). A replay that
 * ends while watched stays in the strip, finished or cancelled, until dismissed; a finished one found
 * at open is not shown. UI thread only.
 */
public final class ReplayViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayViewModel.class);
    /** How often the console is asked while no replay is open. */
    static final Duration IDLE_POLL = Duration.ofSeconds(5);
    /** How far back the measured pace looks. */
    static final Duration PACE_WINDOW = Duration.ofSeconds(5);
    /**
     * Steps the measured pace needs before it is shown: the count moves a whole batch at a time, so
     * over fewer steps it says 1.4 a second for a replay at 1 (seen in the window); the asked pace is
     * shown until then.
     */
    static final int PACE_MIN_STEPS = 10;
    /** Uncertain ids the tooltip names before "+n more". */
    static final int UNCERTAIN_NAMED = 20;

    private final BatchOperations ops;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Formats formats;
    private final Messages messages;
    /** Whether the store refuses changes, whatever the window's lock says. */
    private final boolean storeReadOnly;
    /** Whether this window may not control the replay now: a read-only store, or the window's lock on changes. */
    private boolean readOnly;
    /** Whether the store's server answers (always, for a local store): the controls are off while it does not. */
    private boolean connected = true;
    private final ReadOnlyObjectWrapper<ReplayStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper uncertain = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper uncertainIds = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** (when read, taken) of the last reads within {@link #PACE_WINDOW}, oldest first. */
    private final Deque<Sample> samples = new ArrayDeque<>();
    private boolean reading;
    private boolean controlling;
    private boolean watchedOpen;
    private Instant lastRead = Instant.MIN;

    private record Sample(Instant at, int taken, Instant startedAt) {
    }

    public ReplayViewModel(BatchOperations ops, TaskExecutor executor, Clock clock, Formats formats, boolean readOnly) {
        this.ops = ops;
        this.executor = executor;
        this.clock = clock;
        this.formats = formats;
        this.messages = formats.messages();
        this.storeReadOnly = readOnly;
        this.readOnly = readOnly;
    }

    /**
     * Follows the window's lock on changes (a prod connection until unlocked): while {@code locked}
     * holds, pause, resume and cancel are off as on a read-only store.
     */
    public void lockChanges(ObservableBooleanValue locked) {
        readOnly = storeReadOnly || locked.get();
        locked.addListener((o, was, is) -> {
            readOnly = storeReadOnly || is;
            refreshControls();
        });
        refreshControls();
    }

    /** Reads the store's replay now (the window opening on a store with one unfinished shows it). */
    public void load() {
        read();
    }

    /** Once a second: reads the replay while one is open, every {@link #IDLE_POLL} while none is. */
    public void tick(Instant now) {
        ReplayStatus current = status.get();
        boolean open = current != null && current.open();
        if (!reading && (open || !now.isBefore(lastRead.plus(IDLE_POLL)))) {
            read();
        }
    }

    /** A replay this window just started: shown at once. */
    public void started(ReplayStatus started) {
        samples.clear();
        apply(started);
    }

    public void pause() {
        control(ReplayControl.PAUSE);
    }

    public void resume() {
        control(ReplayControl.RESUME);
    }

    public void cancel() {
        control(ReplayControl.CANCEL);
    }

    /** Hides a replay that ended (it is still the store's last one, for the CLI's {@code replay status}). */
    public void dismiss() {
        if (ended.get()) {
            watchedOpen = false;
            shown.set(false);
            notice.set("");
        }
    }

    private void read() {
        reading = true;
        lastRead = clock.instant();
        executor.submit(ops::replay, (Optional<ReplayStatus> read) -> {
            reading = false;
            read.ifPresentOrElse(this::apply, () -> {
                status.set(null);
                shown.set(false);
            });
        }, failure -> {
            reading = false;
            LOG.debug("cannot read the store's replay: {}", failure.toString()); // the executor warned
        });
    }

    /** The store's server answers, or not (a remote window): pause, resume and cancel are off while it does not. */
    public void setConnected(boolean answers) {
        connected = answers;
        refreshControls();
    }

    private void control(ReplayControl control) {
        if (!connected) {
            notice.set(messages.text("action.disconnected"));
            return;
        }
        if (readOnly || controlling || status.get() == null || !status.get().open()) {
            return;
        }
        controlling = true;
        refreshControls();
        executor.submit(() -> ops.controlReplay(control), changed -> {
            controlling = false;
            notice.set("");
            apply(changed);
        }, failure -> {
            controlling = false;
            notice.set(messages.format("action.failed", messages.engineTexts().failure(failure).oneLine()));
            refreshControls();
            read(); // what the store says now (another window may have cancelled it)
        });
    }

    private void apply(ReplayStatus replay) {
        Instant now = clock.instant();
        status.set(replay);
        if (replay.open()) {
            watchedOpen = true;
        }
        ended.set(!replay.open());
        shown.set(replay.open() || watchedOpen);
        progress.set(replay.total() == 0 ? 0 : (double) replay.taken() / replay.total());
        String action = messages.text("replay.action." + replay.action().code());
        title.set(replay.sink() == null ? messages.format("replay.title", action, replay.startedBy())
                : messages.format("replay.titleTo", action, replay.sink(), replay.startedBy()));
        double pace = measuredPace(replay, now);
        StringBuilder text = new StringBuilder(messages.text("replay.state." + replay.state().name()));
        text.append(" \u00b7 ").append(messages.format("replay.done", formats.count(replay.taken()),
                formats.count(replay.total()), replay.refused(), formats.count(replay.refused())));
        if (replay.state() == ReplayStatus.State.RUNNING) {
            text.append(" \u00b7 ").append(pace < 0 ? messages.format("replay.rateAsked", replay.rate())
                    : messages.format("replay.rate", pace, replay.rate()));
            double forLeft = pace > 0 ? pace : replay.rate();
            long secondsLeft = (long) Math.ceil((replay.total() - replay.taken()) / forLeft);
            text.append(" \u00b7 ").append(messages.format("replay.left", formats.duration(Duration.ofSeconds(secondsLeft))));
        } else if (replay.state() == ReplayStatus.State.PAUSED) {
            text.append(" \u00b7 ").append(messages.format("replay.rateAsked", replay.rate()));
        }
        line.set(text.toString());
        List<String> ids = replay.uncertain();
        uncertain.set(ids.isEmpty() ? "" : messages.format("replay.uncertain", ids.size(), formats.count(ids.size())));
        String named = String.join(", ", ids.subList(0, Math.min(UNCERTAIN_NAMED, ids.size())));
        uncertainIds.set(ids.isEmpty() ? "" : messages.format("replay.uncertainTip",
                ids.size() <= UNCERTAIN_NAMED ? named : messages.format("replay.more", named, ids.size() - UNCERTAIN_NAMED)));
        refreshControls();
    }

    /**
     * Batches a second over the last {@link #PACE_WINDOW} of reads of this replay; -1 until the reads
     * are a second and {@link #PACE_MIN_STEPS} steps apart.
     */
    private double measuredPace(ReplayStatus replay, Instant now) {
        if (!samples.isEmpty() && !samples.peekLast().startedAt().equals(replay.startedAt())) {
            samples.clear(); // another replay
        }
        samples.addLast(new Sample(now, replay.taken(), replay.startedAt()));
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(now.minus(PACE_WINDOW))) {
            samples.removeFirst();
        }
        if (replay.state() != ReplayStatus.State.RUNNING) {
            samples.clear(); // a pause is not a slow pace
            return -1;
        }
        Sample first = samples.peekFirst();
        long millis = Duration.between(first.at(), now).toMillis();
        int steps = replay.taken() - first.taken();
        return millis < 900 || steps < PACE_MIN_STEPS ? -1 : steps * 1000.0 / millis;
    }

    private void refreshControls() {
        ReplayStatus replay = status.get();
        boolean able = !readOnly && connected && !controlling && replay != null;
        canPause.set(able && replay.state() == ReplayStatus.State.RUNNING);
        canResume.set(able && replay.state() == ReplayStatus.State.PAUSED);
        canCancel.set(able && replay.open());
    }

    /** The replay as last read; {@code null} when the store has none. */
    public ReadOnlyObjectProperty<ReplayStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the strip is shown: a replay is open, or ended while this window watched it. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    /** Finished or cancelled: the strip offers to dismiss it. */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    /** Taken of total, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Throttled requeue to loki, started by ana". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Running · 40 of 120 taken · 19.8 of at most 20 a second · about 4 s left". */
    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    /** "2 uncertain", or empty. */
    public ReadOnlyStringProperty uncertainProperty() {
        return uncertain.getReadOnlyProperty();
    }

    /** The uncertain batches by id, and why they are left to the operator (the tooltip). */
    public ReadOnlyStringProperty uncertainIdsProperty() {
        return uncertainIds.getReadOnlyProperty();
    }

    /** Why the last control failed, or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
