package dev.batchyard.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.config.ServeSettings;
import dev.batchyard.console.Access;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.model.LogEntry;
import dev.batchyard.runtime.Mode;
import dev.batchyard.serve.testsupport.ServedStore;
import dev.batchyard.serve.testsupport.TestCa;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to a console across a network, against a real {@code serve} on loopback. */
class RemoteConsoleTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private ServedStore serve() {
        ServedStore served = new ServedStore(dir.resolve("store"), Mode.service());
        opened.add(served);
        return served;
    }

    private RemoteConsole open(RemoteEndpoint endpoint) {
        RemoteConsole console = RemoteConsole.open(endpoint);
        opened.add(console);
        return console;
    }

    private static NewBatch batch(String id) {
        return NewBatch.of(id, List.of(LogEntry.builder().timestamp(OffsetDateTime.now()).message("m of " + id).build()),
                "loki");
    }

    /** Reads events until one matches, or fails after {@code seconds}. */
    private static List<BatchEvent> until(EventSubscription events, Predicate<BatchEvent> wanted, int seconds)
            throws InterruptedException {
        List<BatchEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (BatchEvent e : events.await(100, TimeUnit.MILLISECONDS)) {
                seen.add(e);
                if (wanted.test(e)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("not seen in " + seconds + " s; seen: " + seen);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aServerRestartedUnderASubscriptionIsReconnectedToAndWhatWasMissedIsSaid() throws Exception {
        ServedStore served = serve();
        RemoteConsole inTest = open(served.endpoint("ana").withEvents(Duration.ofSeconds(45), Duration.ofSeconds(1)));
        List<ConnectionState> states = Collections.synchronizedList(new ArrayList<>());
        inTest.onConnectionChange(states::add);
        EventSubscription events = inTest.subscribe(1000);
        inTest.persist(batch("before"));
        until(events, e -> e instanceof BatchEvent.Persisted p && p.id().equals("before"), 20);

        served.stop();
        waitFor(() -> inTest.connectionState() instanceof ConnectionState.Reconnecting, "reconnecting");
        StoreException refused = assertThrows(StoreException.class, () -> inTest.discard(List.of("before"), "down"));
        served.restart();
        waitFor(() -> inTest.connectionState().connected(), "connected again");
        inTest.persist(batch("after"));
        List<BatchEvent> seen = until(events, e -> e instanceof BatchEvent.Persisted p && p.id().equals("after"), 20);

        assertTrue(refused.getMessage().startsWith("not connected to " + served.url()), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("nothing was sent"), refused.getMessage());
        assertTrue(seen.stream().anyMatch(e -> e instanceof BatchEvent.Missed m && m.count() == EventStreamReader.UNKNOWN_COUNT),
                "a server restarted underneath: an unknown number missed, said so; seen " + seen);
        List<String> kinds = states.stream().map(s -> s.getClass().getSimpleName()).distinct().toList();
        assertEquals(List.of("Connected", "Reconnecting"), kinds.subList(0, 2),
                states.toString());
        assertInstanceOf(ConnectionState.Connected.class, states.get(states.size() - 1));
        ConnectionState.Reconnecting reconnecting = (ConnectionState.Reconnecting) states.stream()
                .filter(s -> s instanceof ConnectionState.Reconnecting).reduce((a, b) -> b).orElseThrow();
        assertTrue(reconnecting.lastError().contains(served.url()), reconnecting.lastError());
        assertTrue(reconnecting.lastSuccess() != null);
        assertEquals(List.of("after", "before"), inTest.find(List.of("after", "before")).stream()
                .map(v -> v.id()).toList());
    }

    @Test
    void eventsMissedWhileAStreamWasDownComeAfterTheReconnectFromWhereItStopped() throws Exception {
        ServedStore served = serve();
        RemoteConsole inTest = open(served.endpoint("ana"));
        EventSubscription events = inTest.subscribe(1000);
        inTest.persist(batch("one"));
        until(events, e -> e instanceof BatchEvent.Persisted p && p.id().equals("one"), 20);

        try (RemoteConsole other = RemoteConsole.open(served.endpoint("ben"))) {
            other.persist(batch("two"));
        }
        List<BatchEvent> seen = until(events, e -> e instanceof BatchEvent.Persisted p && p.id().equals("two"), 20);

        assertTrue(seen.stream().noneMatch(e -> e instanceof BatchEvent.Missed), seen.toString());
    }

    @Test
    void aViewersConsoleIsReadOnlyAndSaysWhyAndTheServerRefusesItsChanges() {
        ServedStore served = serve();
        try (RemoteConsole operator = RemoteConsole.open(served.endpoint("ana"))) {
            operator.persist(batch("b-1"));
        }
        RemoteConsole inTest = open(served.endpoint("grafana"));

        assertFalse(inTest.info().writable());
        assertEquals(new Access.ReadOnlyToken("grafana", "viewer"), inTest.info().access());
        StoreReadOnlyException discard = assertThrows(StoreReadOnlyException.class,
                () -> inTest.discard(List.of("b-1"), "no"));
        assertThrows(StoreReadOnlyException.class, () -> inTest.persist(batch("b-2")));
        assertThrows(StoreReadOnlyException.class, () -> inTest.setRecoveryPaused(true));
        assertTrue(discard.getMessage().contains("viewer"), discard.getMessage());
        assertEquals(served.url(), discard.location());
        assertEquals(1, inTest.preview(List.of("b-1")).batches(), "a viewer previews from what it may read");
        assertEquals(List.of("b-1"), inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.first(10))
                .rows().stream().map(v -> v.id()).toList());
    }

    @Test
    void aServerBehindTlsIsReachedTrustingItsCaFileAndRefusedWithoutIt() throws Exception {
        TestCa ca = new TestCa("batchyard test CA");
        Path[] files = ca.serverFiles(dir, "EC");
        ServedStore served = new ServedStore(dir.resolve("store"), Mode.service(),
                Optional.of(new ServeSettings.TlsFiles(files[0], files[1])));
        opened.add(served);

        RemoteConsole inTest = open(served.endpoint("ana").withCaFile(ca.caFile(dir)));
        inTest.persist(batch("b-1"));
        StoreException untrusted = assertThrows(StoreException.class, () -> RemoteConsole.open(served.endpoint("ana")));

        assertTrue(served.url().startsWith("https://"));
        assertEquals(1, inTest.stats().total());
        assertTrue(untrusted.getMessage().contains("TLS failed"), untrusted.getMessage());
        assertTrue(untrusted.getMessage().contains(served.url()), untrusted.getMessage());
    }

    @Test
    void anUnknownTokenIsRefusedClearlyAndNeverShown() {
        ServedStore served = serve();

        TokenRefusedException e = assertThrows(TokenRefusedException.class, () -> RemoteConsole.open(
                RemoteEndpoint.of(served.url(), BearerToken.of("not-a-known-token-42".toCharArray()))));

        assertTrue(e.getMessage().startsWith(served.url() + " refused the token (the token given)"), e.getMessage());
        assertFalse(e.getMessage().contains("not-a-known-token-42"), e.getMessage());
    }

    @Test
    void aStoppedServerIsAStoreExceptionNamingTheUrlAndChangesThenFailFast() {
        ServedStore served = serve();
        RemoteConsole inTest = open(served.endpoint("ana"));
        served.stop();

        StoreException read = assertThrows(StoreException.class, inTest::stats);
        long started = System.nanoTime();
        StoreException change = assertThrows(StoreException.class, () -> inTest.retryNow(List.of("b-1")));

        assertTrue(read.getMessage().startsWith("GET " + served.url() + "/api/v1/stats: cannot connect"), read.getMessage());
        assertInstanceOf(ConnectionState.Disconnected.class, inTest.connectionState());
        assertTrue(change.getMessage().startsWith("not connected to " + served.url()), change.getMessage());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1), "refused without trying");
    }
}
