package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.RepairResult;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** What {@code split} and {@code merge} made (or would make), as lines or {@code --json}. */
final class RepairReport {
    private RepairReport() {
    }

    static void print(PrintWriter out, RepairResult result, Messages m, boolean json) {
        if (json) {
            Json j = new Json();
            ObjectNode root = j.object().put("applied", result.applied());
            ArrayNode removed = root.putArray("removed");
            result.removed().forEach(removed::add);
            ArrayNode made = root.putArray("made");
            for (RepairResult.Part p : result.made()) {
                ObjectNode part = made.addObject().put("id", p.id()).put("sink", p.sink()).put("state", p.state().name())
                        .put("entries", p.entryCount()).put("bytes", p.bytes());
                ArrayNode from = part.putArray("from");
                p.sources().forEach(s -> from.addObject().put("batch", s.batch()).put("entries", s.indexes()));
            }
            j.print(out, root);
            return;
        }
        out.println(m.get(result.applied() ? "repair.replaced" : "repair.wouldReplace",
                String.join(", ", result.removed()), result.made().size()));
        for (RepairResult.Part p : result.made()) {
            String from = p.sources().stream().map(s -> s.batch() + " [" + s.indexes() + "]")
                    .collect(Collectors.joining(", "));
            out.println("  " + Printable.of(m.get("repair.part", p.id(), p.entryCount(), p.state(), from)));
        }
        if (!result.applied()) {
            out.println(m.get("dryRun.nothingChanged"));
        }
        out.flush();
    }
}
