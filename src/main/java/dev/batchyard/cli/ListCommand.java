package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/** {@code list}: the stored batches' metadata, oldest first, optionally filtered. */
@Command(name = "list", mixinStandardHelpOptions = true)
final class ListCommand extends StoreCommand {
    /** Batches read from the store at a time. */
    static final int PAGE = 1000;

    @Option(names = "--state", paramLabel = "STATE", descriptionKey = "option.state")
    Set<BatchState> states;

    @Option(names = "--sink", paramLabel = "SINK", descriptionKey = "option.sink")
    Set<String> sinks;

    @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "option.reason")
    String reason;

    @Override
    int run() {
        List<BatchView> batches;
        try (CommandConsole store = access().reading(storeOptions)) {
            BatchQuery query = new BatchQuery(states, sinks, null, null, null);
            batches = store.console().each(query, BatchOrder.OLDEST_FIRST, PAGE).filter(this::reasonMatches).toList();
        }
        if (json) {
            Json out = new Json();
            ArrayNode array = out.array();
            batches.forEach(b -> array.add(BatchSummary.toJson(out, b)));
            out.print(out(), array);
        } else if (batches.isEmpty()) {
            out().println(messages().get("list.empty"));
        } else {
            printTable(batches);
        }
        return ExitCode.OK;
    }

    // --reason looks at the failure reason only (BatchQuery's text also matches ids)
    private boolean reasonMatches(BatchView view) {
        return reason == null || view.failureReason().toLowerCase(java.util.Locale.ROOT)
                .contains(reason.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private void printTable(List<BatchView> batches) {
        Messages m = messages();
        Table table = new Table(List.of(m.get("column.id"), m.get("column.sink"), m.get("column.state"),
                m.get("column.entries"), m.get("column.bytes"), m.get("column.created"), m.get("column.retries"),
                m.get("column.nextAttempt"), m.get("column.reason")), 3, 4, 6);
        for (BatchView b : batches) {
            // the state stays the enum name: it is what --state takes
            table.add(b.id(), b.sink(), b.state(), m.number(b.entryCount()), m.number(b.storedBytes()),
                    m.time(b.createdAt()), m.number(b.retryCount()), m.time(b.nextAttemptAt()), b.failureReason());
        }
        table.print(out());
    }
}
