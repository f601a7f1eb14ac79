package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.StoreCapacity;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The store's capacity and forecast as {@code stats} prints it: size against the caps, recent
 * growth and the time to full at that rate, the oldest batch's expiry, and per segment its live
 * share and what compaction would free.
 */
final class CapacityText {
    private final Messages m;
    private final PrintWriter out;

    CapacityText(Messages m, PrintWriter out) {
        this.m = m;
        this.out = out;
    }

    void print(StoreCapacity c) {
        out.println();
        out.println(m.get("capacity.bytes", c.liveBytes(), c.maxPendingBytes(), percent(c.liveBytes(), c.maxPendingBytes())));
        out.println(m.get("capacity.batches", c.batches(), c.maxPendingBatches(), percent(c.batches(), c.maxPendingBatches())));
        out.println(m.get("capacity.growth", c.window().toMinutes(), Math.round(c.bytesPerSecond()), c.batchesPerSecond()));
        Duration full = c.timeToFull();
        out.println(full == null ? m.get("capacity.notGrowing")
                : full.isZero() ? m.get("capacity.full") : m.get("capacity.fullIn", span(full)));
        if (c.oldestExpiresAt() != null) {
            out.println(m.get("capacity.oldestExpires", m.time(c.oldestExpiresAt()), span(Duration.between(c.at(), c.oldestExpiresAt()))));
        }
        out.println(m.get("capacity.segments", c.segments().size(), c.diskBytes(), c.compactionWouldFree()));
        Table table = new Table(List.of(m.get("column.segment"), m.get("column.bytes"), m.get("column.live"),
                m.get("column.reclaimable")), 0, 1, 2, 3);
        for (StoreCapacity.Segment s : c.segments()) {
            table.add(s.id() + (s.active() ? "*" : ""), m.number(s.bytes()), Math.round(s.liveRatio() * 100) + "%",
                    m.number(s.reclaimable()));
        }
        table.print(out);
    }

    static void json(ObjectNode node, StoreCapacity c) {
        node.put("live_bytes", c.liveBytes());
        node.put("max_pending_bytes", c.maxPendingBytes());
        node.put("batches", c.batches());
        node.put("max_pending_batches", c.maxPendingBatches());
        node.put("growth_window_seconds", c.window().toSeconds());
        node.put("growth_bytes_per_second", c.bytesPerSecond());
        node.put("growth_batches_per_second", c.batchesPerSecond());
        Duration full = c.timeToFull();
        if (full == null) {
            node.putNull("seconds_to_full");
        } else {
            node.put("seconds_to_full", full.toSeconds());
        }
        node.put("oldest_expires_at", c.oldestExpiresAt() == null ? null : c.oldestExpiresAt().toString());
        node.put("disk_bytes", c.diskBytes());
        node.put("compaction_would_free", c.compactionWouldFree());
        var segments = node.putArray("segments");
        for (StoreCapacity.Segment s : c.segments()) {
            segments.addObject().put("id", s.id()).put("bytes", s.bytes()).put("live_bytes", s.liveBytes())
                    .put("live_ratio", s.liveRatio()).put("active", s.active()).put("reclaimable", s.reclaimable());
        }
    }

    private static long percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(100.0 * part / whole);
    }

    /** {@code 2h 03m}, {@code 4m 10s}, {@code 12s}. */
    private static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400) {
            return String.format("%dd %02dh", s / 86_400, s / 3600 % 24);
        }
        if (s >= 3600) {
            return String.format("%dh %02dm", s / 3600, s / 60 % 60);
        }
        return s >= 60 ? String.format("%dm %02ds", s / 60, s % 60) : s + "s";
    }
}
