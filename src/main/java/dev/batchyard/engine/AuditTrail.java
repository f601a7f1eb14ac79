package dev.batchyard.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The durable record of operator and policy actions: one JSON line per action in
 * {@code <store>/audit.log} (who, when, what, on which ids, with what result), fsync'd before the
 * action's results are returned. Append-only; Batchyard never rewrites or deletes it.
 * Thread-safe.
 */
final class AuditTrail implements AutoCloseable {
    static final String FILE = "audit.log";
    private final FileChannel channel;
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;

    AuditTrail(Path storeDirectory) {
        this.file = storeDirectory.resolve(FILE);
        try {
            this.channel = OwnerOnlyFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
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

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
