package dev.batchyard.serve.admin;

import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.DiscardedBatch;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which batches an action's selection ({@code ids} or {@code filter}) picks from, and so what its
 * dry run previews: the stored batches for retry, discard and reroute; the recently discarded ones
 * (still within {@code discard_grace}) for restore, which no stored view shows.
 */
enum ActionScope {
    /** The batches in the store's views, read a page at a time. */
    STORED {
        @Override
        List<String> matching(Console console, BatchQuery query) {
            try (var batches = console.each(query, BatchOrder.OLDEST_FIRST, ActionRoutes.FILTER_PAGE)) {
                return batches.map(BatchView::id).toList();
            }
        }

        @Override
        ActionPreview preview(Console console, BatchQuery query) {
            return console.preview(query);
        }

        @Override
        ActionPreview preview(Console console, Collection<String> ids) {
            return console.preview(ids);
        }
    },

    /**
     * The discarded batches a restore can still take back, each as it was when discarded (a filter
     * matches that view). Held in memory by the store already: bounded by what was discarded within
     * the grace.
     */
    RECENTLY_DISCARDED {
        @Override
        List<String> matching(Console console, BatchQuery query) {
            return discarded(console, query.matcher(Instant.now())).stream().map(BatchView::id).toList();
        }

        @Override
        ActionPreview preview(Console console, BatchQuery query) {
            return ActionPreview.of(discarded(console, query.matcher(Instant.now())).stream());
        }

        /** An id not among the recently discarded is in {@code not_stored}: it is not there to restore. */
        @Override
        ActionPreview preview(Console console, Collection<String> ids) {
            Set<String> asked = new HashSet<>(ids);
            return ActionPreview.of(discarded(console, v -> asked.contains(v.id())), ids);
        }

        private static List<BatchView> discarded(Console console, Predicate<BatchView> wanted) {
            return console.recentlyDiscarded().stream().map(DiscardedBatch::batch).filter(wanted).toList();
        }
    };

    /** The ids of the batches in this scope that {@code query} matches, when the request is read. */
    abstract List<String> matching(Console console, BatchQuery query);

    abstract ActionPreview preview(Console console, BatchQuery query);

    abstract ActionPreview preview(Console console, Collection<String> ids);
}
