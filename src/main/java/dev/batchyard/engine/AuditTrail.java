package dev.batchyard.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.store.Disk;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.model.Actor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import dev.batchyard.engine.events.BatchEvent;
import java.util.List;
import java.util.Locale;

/**
 * The durable record of operator and policy actions, and of damage the store found: one JSON line
 * per action in {@code <store>/audit.log} (who, when, what, on which ids, with what result;
 * damage as {@code "actor":"store","action":"damage"} with its kind, file, offset and ids), fsync'd
 * before the action's results are returned. Append-only; Batchyard never rewrites or deletes it.
 * Thread-safe.
 */
final class AuditTrail implements AutoCloseable {
    static final String FILE = "audit.log";
    private final FileChannel channel;
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;

    AuditTrail(Path storeDirectory, Disk disk) {
        this.file = storeDirectory.resolve(FILE);
        try {
            this.channel = disk.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StoreException("cannot open audit trail " + file + ": " + e, e);
        }
    }

    synchronized void record(Instant at, Actor actor, String action, String detail, List<ActionResult> results) {
        ObjectNode line = json.createObjectNode();
        line.put("at", at.toString()).put("actor", actor.name()).put("action", action);
        if (detail != null && !detail.isEmpty()) {
            line.put("detail", detail);
        }
        ArrayNode out = line.putArray("results");
        for (ActionResult r : results) {
            out.addObject().put("id", r.id()).put("ok", r.ok()).put("reason", r.reason().code())
                    .put("message", r.message());
        }
        append(line);
    }

    private void append(ObjectNode line) {
        try {
            ByteBuffer buf = ByteBuffer.wrap((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new StoreException("cannot append to audit trail " + file + ": " + e, e);
        }
    }

    /** One line for damage the store found: what, where, what was done, which batches. */
    synchronized void damage(BatchEvent.CorruptionFound found) {
        ObjectNode line = json.createObjectNode();
        line.put("at", found.at().toString()).put("actor", "store").put("action", "damage")
                .put("kind", found.kind().name().toLowerCase(Locale.ROOT)).put("file", found.file())
                .put("offset", found.offset()).put("detail", found.detail()).put("done", found.action());
        ArrayNode ids = line.putArray("ids");
        found.batchIds().forEach(ids::add);
        append(line);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
