package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.model.BatchState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/** {@code stats}: counts by state and by sink, bytes on disk, the oldest batch; the store's capacity and forecast. */
@Command(name = "stats", mixinStandardHelpOptions = true)
final class StatsCommand extends StoreCommand {
    @Override
    int run() {
        StoreStats stats;
        StoreCapacity capacity;
        try (CommandConsole store = access().reading(storeOptions)) {
            stats = store.console().stats();
            capacity = store.console().capacity();
        }
        if (json) {
            printJson(stats, capacity);
        } else {
            printText(stats);
            new CapacityText(messages(), out()).print(capacity);
        }
        return ExitCode.OK;
    }

    private void printJson(StoreStats stats, StoreCapacity capacity) {
        Json out = new Json();
        ObjectNode node = out.object();
        node.put("batches", stats.total());
        node.put("entries", stats.entries());
        ObjectNode states = node.putObject("by_state");
        for (BatchState s : BatchState.values()) {
            states.put(s.name(), stats.count(s));
        }
        ObjectNode sinks = node.putObject("by_sink");
        new TreeMap<>(stats.bySink()).forEach(sinks::put);
        node.put("live_bytes", stats.liveBytes());
        node.put("disk_bytes", stats.diskBytes());
        node.put("oldest_created_at", Json.time(stats.oldestCreated()));
        node.put("healthy", stats.healthy());
        CapacityText.json(node.putObject("capacity"), capacity);
        out.print(out(), node);
    }

    private void printText(StoreStats stats) {
        Messages m = messages();
        out().println(m.get("stats.summary", stats.total(), stats.entries()));
        Table states = new Table(List.of(m.get("column.state"), m.get("column.batches")), 1);
        for (BatchState s : BatchState.values()) {
            states.add(s, m.number(stats.count(s)));
        }
        states.print(out());
        if (!stats.bySink().isEmpty()) {
            out().println();
            Table sinks = new Table(List.of(m.get("column.sink"), m.get("column.batches")), 1);
            for (Map.Entry<String, Integer> e : new TreeMap<>(stats.bySink()).entrySet()) {
                sinks.add(e.getKey(), m.number(e.getValue()));
            }
            sinks.print(out());
        }
        out().println();
        out().println(m.get("stats.bytes", stats.diskBytes(), stats.liveBytes()));
        out().println(stats.oldestCreated() == null ? m.get("stats.noOldest")
                : m.get("stats.oldest", m.time(stats.oldestCreated())));
    }
}
