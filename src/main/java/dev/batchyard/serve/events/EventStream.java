package dev.batchyard.serve.events;

import dev.batchyard.serve.http.Answer;
import dev.batchyard.serve.http.BodyStream;
import dev.batchyard.serve.http.JsonBodies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /api/v1/events}: the store's events as Server-Sent Events, read from the
 * {@link EventRing}. Each event goes as {@code id:} (its ring id), {@code event:} (its
 * {@link EventJson#name}) and {@code data:} (one line of JSON). A client that sends
 * {@code Last-Event-ID} gets what came after it; one that fell out of the ring first gets a
 * {@code missed} event with the count ({@code null} when the id is from before a restart), then
 * what the ring still holds. Without the header a client starts with what comes next.
 *
 * <p>A comment line goes every {@code heartbeat} when nothing happens, so proxies and the idle
 * timeout keep a quiet stream open and a client that went away is noticed. At most
 * {@code maxStreams} streams run at once (each holds one of the server's threads); one more is
 * answered 503 with {@code Retry-After}.
 */
public final class EventStream {
    private final EventRing ring;
    private final JsonBodies json;
    private final Clock clock;
    private final Duration heartbeat;
    private final Semaphore streams;
    private final int maxStreams;

    public EventStream(EventRing ring, JsonBodies json, Clock clock, Duration heartbeat, int maxStreams) {
        this.ring = ring;
        this.json = json;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.streams = new Semaphore(maxStreams);
        this.maxStreams = maxStreams;
    }

    /**
     * The answer to one request.
     *
     * @param lastEventId the {@code Last-Event-ID} header, or null
     * @throws IllegalArgumentException for a {@code Last-Event-ID} that is not an event id (400)
     */
    public Answer answer(String lastEventId) {
        long start = lastEventId == null || lastEventId.isBlank() ? ring.lastId() : parse(lastEventId.strip());
        if (!streams.tryAcquire()) {
            return json.error(503, "the server already streams events to " + maxStreams
                    + " clients, as many as it serves at once; try again later").with("Retry-After", "5");
        }
        return Answer.streaming(200, "text/event-stream; charset=utf-8", out -> {
            try {
                stream(start, out);
            } finally {
                streams.release();
            }
        }).with("X-Accel-Buffering", "no");
    }

    private void stream(long start, BodyStream.Chunks out) throws IOException, InterruptedException {
        out.send("retry: 2000\n\n");
        long seen = start;
        while (true) {
            EventRing.Catchup next = ring.after(seen, heartbeat);
            StringBuilder text = new StringBuilder();
            if (next.missed() != 0) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("at", clock.instant().toString());
                data.put("count", next.missed() == EventRing.Catchup.UNKNOWN ? null : next.missed());
                data.put("after", Long.toString(seen));
                long before = next.events().isEmpty() ? next.resumeAt() : next.events().get(0).id() - 1;
                frame(text, before, "missed", data);
            }
            for (EventRing.Numbered e : next.events()) {
                frame(text, e.id(), EventJson.name(e.event()), EventJson.data(e.event()));
            }
            if (text.length() > 0) {
                out.send(text.toString());
            } else if (!next.closed()) {
                out.send(": keep-alive\n\n");
            }
            if (next.closed() && next.events().isEmpty()) {
                return;
            }
            seen = next.resumeAt();
        }
    }

    private void frame(StringBuilder text, long id, String name, Map<String, Object> data) {
        // JSON written compactly has no line break (they are escaped in strings): one data line
        text.append("id: ").append(id).append('\n')
                .append("event: ").append(name).append('\n')
                .append("data: ").append(new String(json.write(data), StandardCharsets.UTF_8)).append("\n\n");
    }

    private static long parse(String id) {
        if (id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Last-Event-ID must be an event id this server sent (digits), not '"
                    + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'");
        }
        return Long.parseLong(id);
    }
}
