package dev.batchyard.app.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.remote.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The words a remote window's connection is shown in, and what follows its changes; no window. */
class ConnectionViewModelTest {
    private static final String URL = "https://batchyard.example:8080";
    private static final Instant T0 = Instant.parse("2026-12-02T14:02:11Z");

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger rereads = new AtomicInteger();

    private ConnectionViewModel model(Locale locale) {
        ConnectionViewModel model = new ConnectionViewModel(URL, new Formats(new Messages(locale), ZoneOffset.UTC),
                clock, rereads::incrementAndGet);
        model.accept(new ConnectionState.Connected(T0));
        return model;
    }

    private void later(int seconds, ConnectionViewModel model) {
        clock.advance(Duration.ofSeconds(seconds));
        model.tick(clock.instant());
    }

    @Test
    void connectedSaysNothingInTheBannerAndConnectedInTheStatusBar() {
        ConnectionViewModel model = model(Locale.ENGLISH);

        assertEquals(ConnectionViewModel.Banner.NONE, model.bannerProperty().get());
        assertEquals("Connected", model.statusTextProperty().get());
        assertTrue(model.connectedProperty().get());
        assertEquals(0, rereads.get());
    }

    @Test
    void aDropShowsAtOnceWithTheCountdownToTheNextTryAndWhy() {
        ConnectionViewModel model = model(Locale.ENGLISH);
        later(4, model);

        model.accept(new ConnectionState.Reconnecting(2, clock.instant().plusSeconds(8), "GET " + URL
                + "/api/v1/events: the server ended the event stream", T0));

        assertFalse(model.connectedProperty().get());
        assertEquals(ConnectionViewModel.Banner.DOWN, model.bannerProperty().get());
        assertEquals("Disconnected since 2:02:15 PM, reconnecting in 8 s", model.statusTextProperty().get());
        assertEquals("Disconnected from " + URL + " since 2:02:15 PM; reconnecting in 8 s (attempt 2). Changes are"
                + " refused until it answers. (GET " + URL + "/api/v1/events: the server ended the event stream)",
                model.bannerTextProperty().get());
        later(3, model);
        assertEquals("Disconnected since 2:02:15 PM, reconnecting in 5 s", model.statusTextProperty().get());
        // a read failing meanwhile does not hide that the stream tries again
        model.accept(new ConnectionState.Disconnected("GET " + URL + "/api/v1/stats: cannot connect", T0));
        assertEquals("Disconnected since 2:02:15 PM, reconnecting in 5 s", model.statusTextProperty().get());
        later(10, model);
        assertEquals("Disconnected since 2:02:15 PM", model.statusTextProperty().get());
        assertTrue(model.bannerTextProperty().get().contains("trying again on the next read"));
    }

    @Test
    void backAgainItReadsAgainOnceAndSaysHowLongAndWhatWasMissedUntilDismissed() {
        ConnectionViewModel model = model(Locale.ENGLISH);
        model.accept(new ConnectionState.Disconnected("cannot connect", T0));
        later(75, model);

        model.accept(new ConnectionState.Connected(clock.instant()));
        model.onEvents(List.of(new BatchEvent.Missed(clock.instant(), 12)));

        assertEquals(1, rereads.get());
        assertTrue(model.connectedProperty().get());
        assertEquals(ConnectionViewModel.Banner.BACK, model.bannerProperty().get());
        assertEquals("Reconnected to " + URL + " at 2:03:26 PM after 1 min away: missed 12 events. The table and the"
                + " counts were read again.", model.bannerTextProperty().get());
        assertEquals("Connected", model.statusTextProperty().get());
        model.onEvents(List.of(new BatchEvent.Missed(clock.instant(), -1)));
        assertTrue(model.bannerTextProperty().get().contains("missed an unknown number of events (the server was"
                + " restarted)"), model.bannerTextProperty().get());

        model.dismiss();
        assertEquals(ConnectionViewModel.Banner.NONE, model.bannerProperty().get());
        model.accept(new ConnectionState.Connected(clock.instant()));
        assertEquals(1, rereads.get(), "read again only after a drop");
    }

    @Test
    void aReconnectionWithNothingLostSaysSo() {
        ConnectionViewModel model = model(Locale.ENGLISH);
        model.accept(new ConnectionState.Disconnected("cannot connect", T0));
        later(5, model);
        model.accept(new ConnectionState.Connected(clock.instant()));

        assertTrue(model.bannerTextProperty().get().contains("after 5 s away: no events were missed."),
                model.bannerTextProperty().get());
        // the server's word on what was lost before the drop is not what the drop cost
        model.dismiss();
        model.onEvents(List.of(new BatchEvent.Missed(clock.instant(), 3)));
        assertEquals(ConnectionViewModel.Banner.NONE, model.bannerProperty().get());
    }

    @Test
    void inPortuguese() {
        ConnectionViewModel model = model(Locale.forLanguageTag("pt-BR"));
        model.accept(new ConnectionState.Reconnecting(1, clock.instant().plusSeconds(2), "x", T0));

        assertEquals("Desconectado desde 14:02:11, reconectando em 2 s", model.statusTextProperty().get());
        assertTrue(model.bannerTextProperty().get().startsWith("Desconectado de " + URL + " desde 14:02:11;"));
    }

    @Test
    void theCountdownNeverGoesNegative() {
        ConnectionViewModel model = model(Locale.ENGLISH);
        model.accept(new ConnectionState.Reconnecting(1, clock.instant().plusMillis(300), "x", T0));
        clock.advance(Duration.ofMillis(900));
        model.tick(clock.instant());

        assertEquals("Disconnected since 2:02:11 PM, reconnecting in 0 s", model.statusTextProperty().get());
    }
}
