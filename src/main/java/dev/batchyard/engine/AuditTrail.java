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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of operator and policy actions, and of damage the store found: one JSON line
 * per action in {@code <store>/audit.log} (who, when, what, on which ids, with what result;
 * damage as {@code "actor":"store","action":"damage"} with its kind, file, offset and ids), fsync'd
 * before the action's results are returned. Append-only; Batchyard never rewrites or deletes it.
 * Opened through the store's {@link Disk}; the store directory is synced at the open, so the
 * file's name is as durable as its lines. A last line cut short by a crash (or zeros a power cut
 * left in its place) is kept as it is and ended, so the next line is whole. Thread-safe.
 *
 * <p><b>Crash between a change and its line.</b> A change is made durable in the store first and
 * audited after; the caller is answered only once both are on disk. A crash in between leaves the
 * change (it is in the store, and is announced as what the store holds at the next open) without its
 * audit line: the trail may lack the last changes before a crash, never holds a line for a change
 * that was not made, and an action that was acknowledged is always in it. Policy lines (cleanup,
 * hold, release, dead-letter, fallback reroute) follow the same order. An import
 * ({@link Transfer}) is audited once its last batch is stored: a crash during it leaves the batches
 * stored so far without an {@code import} line (they are in the store, and a second import skips
 * them as already there). An export is audited once its files are written: a crash in between
 * leaves the files without an {@code export} line. A requeue or reroute made by a throttled replay
 * is audited per batch like the operator's own action; the replay's progress file says which
 * batches it has taken ({@code ThrottledReplay}).
 *
 * <p>Lines written: {@code retry}, {@code requeue}, {@code discard}, {@code restore},
 * {@code reroute}, {@code pause-recovery}, {@code resume-recovery}, {@code run-cleanup},
 * {@code import}, {@code export}, {@code replay} (start, pause, resume, cancel, end) by an operator;
 * {@code expire}, {@code hold}, {@code release}, {@code dead-letter}, {@code reroute} by a policy;
 * {@code damage} by the store.
 */
final class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final String FILE = "audit.log";
    private final FileChannel channel;
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;

    AuditTrail(Path storeDirectory, Disk disk) {
        this.file = storeDirectory.resolve(FILE);
        try {
            boolean torn = endsInAnIncompleteLine(disk);
            this.channel = disk.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            // the file's name is durable only once the directory is synced: without this, a power cut
            // could take away a new audit.log with every line force() had made durable in it
            disk.syncDirectory(storeDirectory);
            if (torn) {
                append("\n"); // the torn line stays as it is; the next one starts on a line of its own
            }
        } catch (IOException e) {
            throw new StoreException("cannot open audit trail " + file + ": " + e, e);
        }
    }

    /**
     * Whether the last line was cut short: a crash or power cut while it was written (the action was
     * never acknowledged) can leave part of it, or zeros where it should be.
     */
    private boolean endsInAnIncompleteLine(Disk disk) throws IOException {
        if (!disk.exists(file)) {
            return false;
        }
        try (FileChannel in = disk.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            if (size == 0 || in.read(last, size - 1) < 1 || last.get(0) == '\n') {
                return false;
            }
            LOG.warn("{} ends in an incomplete line of the action being written when the store last stopped; it is "
                    + "kept, and the next line starts on a new line", file);
            return true;
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
            append(json.writeValueAsString(line) + "\n");
        } catch (IOException e) {
            throw new StoreException("cannot append to audit trail " + file + ": " + e, e);
        }
    }

    private void append(String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
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
