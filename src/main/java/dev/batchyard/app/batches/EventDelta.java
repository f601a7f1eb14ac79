package dev.batchyard.app.batches;

import dev.batchyard.engine.events.BatchEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one pulse's events mean for the table: rows to drop, rows to re-read, or "re-read
 * everything" when events were lost. Later events win: a batch persisted and delivered within one
 * pulse is only removed.
 *
 * @param damaged batches a damage report names: a writable store has set them aside (re-read, they are
 *                gone); a read-only view leaves them in place. Apart from {@code changed} because a
 *                read of their entries is what finds the damage, and in a read-only view reports it
 *                again: reading them again for every report would never end.
 */
public record EventDelta(Set<String> changed, Set<String> removed, Set<String> damaged, boolean fullRefresh) {

    public static EventDelta of(List<BatchEvent> events) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        Set<String> damaged = new LinkedHashSet<>();
        boolean full = false;
        for (BatchEvent event : events) {
            if (event instanceof BatchEvent.CorruptionFound damage) {
                damaged.addAll(damage.batchIds());
                continue;
            }
            String gone = removedId(event);
            String touched = gone == null && event instanceof BatchEvent.OfBatch one ? one.id() : null;
            if (gone != null) {
                changed.remove(gone);
                removed.add(gone);
            } else if (touched != null) {
                removed.remove(touched);
                changed.add(touched);
            } else if (event instanceof BatchEvent.Missed || event instanceof BatchEvent.RecoveredAtStartup) {
                full = true;
            }
        }
        return new EventDelta(changed, removed, damaged, full);
    }

    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty() && damaged.isEmpty() && !fullRefresh;
    }

    private static String removedId(BatchEvent event) {
        if (event instanceof BatchEvent.Delivered e) {
            return e.id();
        } else if (event instanceof BatchEvent.Discarded e) {
            return e.id();
        } else if (event instanceof BatchEvent.Expired e) {
            return e.id();
        } else if (event instanceof BatchEvent.Replaced e) {
            return e.id();
        }
        return null;
    }
}
