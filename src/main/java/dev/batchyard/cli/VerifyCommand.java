package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/**
 * {@code verify}: opens the store read-only, without the lock and changing nothing, and reports
 * the damage replay found plus every batch whose entries cannot be read back. Exit 1 on any problem.
 */
@Command(name = "verify", mixinStandardHelpOptions = true)
final class VerifyCommand extends StoreCommand {
    /** One thing wrong: where (a file and offset, or a batch id) and what. */
    record Problem(String where, String detail) {
    }

    @Override
    int run() {
        List<Problem> problems = new ArrayList<>();
        int batches;
        long entries = 0;
        try (CommandConsole store = access().readOnly(storeOptions)) {
            Console console = store.console();
            for (BatchEvent.CorruptionFound d : console.damage()) {
                problems.add(new Problem(d.file() + "@" + d.offset(), d.detail() + " (" + d.action() + ")"));
            }
            List<BatchView> all = console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, ListCommand.PAGE).toList();
            batches = all.size();
            for (BatchView view : all) {
                entries += readBack(console, view, problems);
            }
        }
        print(batches, entries, problems);
        return problems.isEmpty() ? ExitCode.OK : ExitCode.SOFTWARE;
    }

    private long readBack(Console console, BatchView view, List<Problem> problems) {
        try {
            var batch = console.batch(view.id());
            if (batch.isEmpty()) {
                problems.add(new Problem(messages().get("verify.batch", view.id()), messages().get("verify.unreadable")));
                return 0;
            }
            if (batch.get().entries().size() != view.entryCount()) {
                problems.add(new Problem(messages().get("verify.batch", view.id()), messages().get("verify.countMismatch",
                        view.entryCount(), batch.get().entries().size())));
            }
            return batch.get().entries().size();
        } catch (RuntimeException e) {
            // any failure to read one batch is a finding about that batch; the scan goes on
            problems.add(new Problem(messages().get("verify.batch", view.id()), e.getMessage()));
            return 0;
        }
    }

    private void print(int batches, long entries, List<Problem> problems) {
        if (json) {
            Json out = new Json();
            ObjectNode node = out.object();
            node.put("ok", problems.isEmpty());
            node.put("batches", batches);
            node.put("entries", entries);
            ArrayNode list = node.putArray("problems");
            problems.forEach(p -> list.addObject().put("where", p.where()).put("detail", p.detail()));
            out.print(out(), node);
            return;
        }
        for (Problem p : problems) {
            out().println(messages().get("verify.problem", Printable.of(p.where()), Printable.of(p.detail())));
        }
        out().println(problems.isEmpty() ? messages().get("verify.ok", batches, entries)
                : messages().get("verify.failed", problems.size(), batches));
    }
}
