package dev.batchyard.app.actions;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.console.ActionPreview;
import dev.batchyard.engine.ActionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of the actions: confirmations, progress and summaries, from the bundle, with counts
 * formatted for the locale (the bundle's choice patterns do the plurals).
 */
final class ActionTexts {
    private static final int REASONS_SHOWN = 3;

    private final Messages messages;
    private final Formats formats;

    ActionTexts(Formats formats) {
        this.messages = formats.messages();
        this.formats = formats;
    }

    String confirmation(BulkAction action, ActionTarget target) {
        String sink = action instanceof BulkAction.Reroute r ? r.sink() : "";
        String key = "action." + action.key() + ".confirm";
        if (action instanceof BulkAction.Requeue requeue) {
            sink = requeue.otherSink().orElse("");
            key = requeue.otherSink().isPresent() ? "action.requeue.confirmTo" : key;
        }
        return messages.format(key, target.size(), formats.count(target.size()), formats.count(target.entries()), sink);
    }


    String count(long n) {
        return formats.count(n);
    }

    String progress(BulkAction action, int tried, int total) {
        return messages.format("action." + action.key() + ".progress", formats.count(tried), formats.count(total));
    }

    /** After "Undo": how many came back, and why the others did not (past their grace, gone). */
    String restored(List<ActionResult> results) {
        long done = results.stream().filter(ActionResult::ok).count();
        StringBuilder text = new StringBuilder(messages.format("action.restore.done", done, formats.count(done),
                formats.count(results.size())));
        Map<String, Long> refused = results.stream().filter(r -> !r.ok())
                .collect(Collectors.groupingBy(r -> messages.engineTexts().reason(r), LinkedHashMap::new,
                        Collectors.counting()));
        if (!refused.isEmpty()) {
            String reasons = refused.entrySet().stream().limit(REASONS_SHOWN)
                    .map(e -> messages.format("action.refusedReason", e.getKey(), formats.count(e.getValue())))
                    .collect(Collectors.joining(messages.text("action.refusedSeparator")));
            text.append(' ').append(messages.format("action.refused", results.size() - done,
                    formats.count(results.size() - done), reasons));
        }
        return text.toString();
    }

    String preview(ActionPreview p) {
        StringBuilder text = new StringBuilder(messages.format("action.preview.total", p.batches(),
                formats.count(p.batches()), formats.count(p.entries()), formats.iecBytes(p.bytes()),
                formats.count(p.inFlight()), formats.count(p.dead())));
        p.perSink().forEach((sink, share) -> text.append('\n').append(messages.format("action.preview.sink", sink,
                share.batches(), formats.count(share.batches()), formats.count(share.entries()),
                formats.iecBytes(share.bytes()))));
        if (p.looped() > 0) {
            text.append('\n').append(messages.format("action.preview.looped", p.looped(), formats.count(p.looped())));
        }
        if (!p.notStored().isEmpty()) {
            text.append('\n').append(messages.format("action.preview.notStored", formats.count(p.notStored().size())));
        }
        return text.toString();
    }

    String summary(ActionSummary summary) {
        StringBuilder text = new StringBuilder(messages.format("action." + summary.action().key() + ".done",
                summary.done(), formats.count(summary.done()), formats.count(summary.requested())));
        if (summary.refusedCount() > 0) {
            String reasons = summary.refused().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(REASONS_SHOWN)
                    .map(e -> messages.format("action.refusedReason", e.getKey(), formats.count(e.getValue())))
                    .collect(Collectors.joining(messages.text("action.refusedSeparator")));
            text.append(' ').append(messages.format("action.refused", summary.refusedCount(),
                    formats.count(summary.refusedCount()), reasons));
        }
        if (summary.cancelled()) {
            text.append(' ').append(messages.format("action.cancelled", summary.untouched(),
                    formats.count(summary.untouched())));
        }
        return text.toString();
    }
}
