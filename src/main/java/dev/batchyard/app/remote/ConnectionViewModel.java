package dev.batchyard.app.remote;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.OneLine;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.remote.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the window's connection to a remote {@code serve} stands, in words: the banner under the
 * toolbar (disconnected since when and why, reconnecting in how long; once back, how long it was
 * away and how many events it missed) and the status bar's note. When the connection comes back
 * after a drop it runs {@code onReconnected} (the window reads its table and counts again). UI
 * thread only; fed the states by {@code StoreSession.connection()}, the events by the event bridge
 * and the clock by the window's second ticker.
 */
public final class ConnectionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionViewModel.class);

    /** The banner's kind: nothing to say, the connection is down, or it came back. */
    public enum Banner { NONE, DOWN, BACK }

    private final String location;
    private final Formats formats;
    private final Messages messages;
    private final Clock clock;
    private final Runnable onReconnected;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(Banner.NONE);
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private ConnectionState state;
    private Instant now;
    /** When the connection was lost (the first failure after the last success), while it is down or just back. */
    private Instant lostAt;
    /** When it came back, while the "back" banner is shown. */
    private Instant backAt;
    /** Events the server said were lost since the drop; -1 once an unknown number was (it restarted). */
    private long missed;
    /**
     * The event stream's last try plan during this outage: a read that fails meanwhile says
     * "disconnected" without one, but the stream still tries again at that time.
     */
    private ConnectionState.Reconnecting retrying;

    /**
     * @param location      the server's URL, as the console names it
     * @param onReconnected runs on the UI thread each time the connection comes back after a drop
     */
    public ConnectionViewModel(String location, Formats formats, Clock clock, Runnable onReconnected) {
        this.location = location;
        this.formats = formats;
        this.messages = formats.messages();
        this.clock = clock;
        this.now = clock.instant();
        this.onReconnected = onReconnected;
    }

    /** The connection's new state (on the UI thread). */
    public void accept(ConnectionState next) {
        boolean wasUp = state == null || state.connected();
        state = next;
        now = clock.instant();
        if (next instanceof ConnectionState.Reconnecting r) {
            retrying = r;
        }
        if (next.connected()) {
            retrying = null;
            connected.set(true);
            if (!wasUp) {
                backAt = now;
                LOG.info("connected to {} again, after {} s away", location, Duration.between(lostAt, now).toSeconds());
                onReconnected.run();
            }
        } else {
            connected.set(false);
            if (wasUp) {
                // one line per drop: the reads failing meanwhile are written once a minute (RepeatedWarnings)
                LOG.warn("lost the connection to {}: {}", location, OneLine.of(lastError(next)));
                lostAt = now;
                backAt = null;
                missed = 0;
            }
        }
        show();
    }

    /** The events that reached the window: a {@code Missed} after a drop is what the window did not see. */
    public void onEvents(List<BatchEvent> events) {
        boolean changed = false;
        for (BatchEvent event : events) {
            if (event instanceof BatchEvent.Missed m && lostAt != null) {
                missed = m.count() < 0 || missed < 0 ? -1 : missed + m.count();
                changed = true;
            }
        }
        if (changed) {
            show();
        }
    }

    /** The clock, about once a second: the countdown to the next try moves. */
    public void tick(Instant instant) {
        now = instant;
        if (state != null && !state.connected()) {
            show();
        }
    }

    /** The operator has read that the connection is back: the banner goes. */
    public void dismiss() {
        if (state != null && state.connected()) {
            lostAt = null;
            backAt = null;
            missed = 0;
            show();
        }
    }

    private void show() {
        if (state == null || (state.connected() && backAt == null)) {
            banner.set(Banner.NONE);
            bannerText.set("");
            statusText.set(messages.text("remote.status.connected"));
            return;
        }
        if (state.connected()) {
            banner.set(Banner.BACK);
            String away = formats.duration(Duration.between(lostAt, backAt));
            bannerText.set(messages.format("remote.banner.back", location, formats.time(backAt), away,
                    missed < 0 ? messages.text("remote.missed.unknown") : messages.format("remote.missed", missed)));
            statusText.set(messages.text("remote.status.connected"));
            return;
        }
        banner.set(Banner.DOWN);
        String since = formats.time(lostAt);
        String why = lastError(state);
        // a try planned more than a second ago that has not reported back is not counted down
        ConnectionState.Reconnecting next = retrying != null
                && !retrying.nextTry().isBefore(now.minusSeconds(1)) ? retrying : null;
        String in = next == null ? "" : formats.duration(positive(Duration.between(now, next.nextTry())));
        bannerText.set(messages.format("remote.banner.down", location, since, next == null
                ? messages.text("remote.retryOnNextRead")
                : messages.format("remote.reconnectingIn", in, next.attempt()), why));
        statusText.set(next == null ? messages.format("remote.status.down", since)
                : messages.format("remote.status.reconnecting", since, in));
    }

    private static String lastError(ConnectionState down) {
        return down instanceof ConnectionState.Reconnecting r ? r.lastError()
                : ((ConnectionState.Disconnected) down).lastError();
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether the server answers: changes are refused while it does not. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** The status bar's note: connected to where, or disconnected since when and reconnecting when. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }
}
