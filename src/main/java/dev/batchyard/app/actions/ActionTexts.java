package dev.batchyard.app.actions;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
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
        return messages.format("action." + action.key() + ".confirm", target.size(),
                formats.count(target.size()), formats.count(target.entries()), sink);
    }

    String progress(BulkAction action, int tried, int total) {
        return messages.format("action." + action.key() + ".progress", formats.count(tried), formats.count(total));
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
