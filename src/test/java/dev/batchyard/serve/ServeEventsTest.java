package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.INGEST_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.LogEntry;
import dev.batchyard.serve.testsupport.ServeFixture;
import dev.batchyard.serve.testsupport.SseClient;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/events} against a real server on loopback and a real store. */
class ServeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path store;
    private ServeFixture inTest;

    @BeforeEach
    void start() {
        inTest = new ServeFixture(store, ServeFixture.withTokens());
    }

    @AfterEach
    void stop() {
        if (inTest != null) {
            inTest.close();
        }
    }

    private void persist(String id) {
        LogEntry entry = LogEntry.builder().message("m").timestamp(OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .build();
        inTest.engine().persistBatch(NewBatch.of(id, List.of(entry), "loki"));
    }

    private SseClient events(String... headers) {
        String[] all = java.util.Arrays.copyOf(bearer(VIEWER_TOKEN), 2 + headers.length);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return new SseClient(inTest.port(), "/api/v1/events", all);
    }

    private static JsonNode data(SseClient.Frame frame) throws Exception {
        return JSON.readTree(frame.data());
    }

    /** The next {@code persisted} event: the recovery and cleanup loops publish theirs in between. */
    private static SseClient.Frame nextPersisted(SseClient client) {
        for (SseClient.Frame f = client.next(); ; f = client.next()) {
            if (f == null || f.event().equals("persisted") || f.event().equals("missed")) {
                return f;
            }
        }
    }

    private static String batchId(SseClient.Frame frame) {
        try {
            return data(frame).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the ring has taken what the engine published (its pump runs on its own thread). */
    private SseClient.Frame persistedAndSeen(String id) {
        try (SseClient watcher = events()) {
            persist(id);
            return nextPersisted(watcher);
        }
    }

    @Test
    void aReaderSeesEachEventWithAnIdItsNameAndItsFieldsAsJson() throws Exception {
        try (SseClient client = events()) {
            assertEquals(200, client.status());
            assertTrue(client.header("Content-Type").startsWith("text/event-stream"), client.header("Content-Type"));

            persist("b-1");
            SseClient.Frame frame = nextPersisted(client);

            assertEquals("persisted", frame.event());
            assertTrue(frame.id().chars().allMatch(Character::isDigit), frame.id());
            assertEquals("b-1", data(frame).get("id").asText());
            assertEquals("loki", data(frame).get("sink").asText());
            assertEquals(1, data(frame).get("entry_count").asInt());
        }
    }

    @Test
    void idsIncrease() throws Exception {
        try (SseClient client = events()) {
            persist("b-1");
            persist("b-2");
            List<SseClient.Frame> two = List.of(nextPersisted(client), nextPersisted(client));

            assertTrue(Long.parseLong(two.get(0).id()) < Long.parseLong(two.get(1).id()), two.toString());
        }
    }

    @Test
    void aReaderComingBackWithLastEventIdGetsWhatCameAfterItAndNothingBefore() throws Exception {
        String first = persistedAndSeen("b-1").id();
        persist("b-2");
        persist("b-3");
        persistedAndSeen("b-4");

        try (SseClient back = events("Last-Event-ID", first)) {
            List<SseClient.Frame> frames = List.of(nextPersisted(back), nextPersisted(back), nextPersisted(back));

            assertEquals(List.of("b-2", "b-3", "b-4"), frames.stream().map(ServeEventsTest::batchId).toList());
            assertTrue(Long.parseLong(frames.get(0).id()) > Long.parseLong(first));
        }
    }

    @Test
    void anIdFromBeforeARestartIsAMissedEventOfUnknownCountThenWhatTheRingHolds() throws Exception {
        persistedAndSeen("b-1");

        try (SseClient back = events("Last-Event-ID", "42")) {
            SseClient.Frame missed = back.next();
            SseClient.Frame oldestKept = back.next();

            assertEquals("missed", missed.event());
            assertTrue(data(missed).get("count").isNull(), missed.data());
            assertEquals("42", data(missed).get("after").asText());
            assertEquals(Long.parseLong(oldestKept.id()) - 1, Long.parseLong(missed.id()));
            SseClient.Frame b1 = oldestKept.event().equals("persisted") ? oldestKept : nextPersisted(back);
            assertEquals("b-1", batchId(b1));
        }
    }

    @Test
    void aLastEventIdThatIsNotAnIdIs400() {
        try (SseClient client = events("Last-Event-ID", "abc")) {
            assertEquals(400, client.status());
            assertTrue(client.rest().contains("Last-Event-ID must be an event id"));
        }
    }

    @Test
    void withoutATokenTheStreamIs401AndAnIngestTokenMayNotRead() {
        try (SseClient none = new SseClient(inTest.port(), "/api/v1/events");
             SseClient ingest = new SseClient(inTest.port(), "/api/v1/events", bearer(INGEST_TOKEN))) {
            assertEquals(401, none.status());
            assertEquals(403, ingest.status());
        }
    }

    @Test
    void stoppingTheServerEndsAnOpenStreamAtOnce() throws Exception {
        SseClient client = events();
        assertEquals(200, client.status());
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(client::rest);

        long start = System.nanoTime();
        inTest.close();
        inTest = null;

        rest.get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "the stream held the stop");
        client.close();
    }

    @Test
    void aQuietStreamGetsHeartbeatsSoTheIdleTimeoutDoesNotEndIt() {
        assertEquals(java.time.Duration.ofMillis(500), Service.heartbeat(java.time.Duration.ofSeconds(1)));
        assertEquals(java.time.Duration.ofSeconds(15), Service.heartbeat(java.time.Duration.ofSeconds(30)));
        assertEquals(java.time.Duration.ofMillis(100), Service.heartbeat(java.time.Duration.ofMillis(10)));
    }
}
