package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Groups batches by their normalised failure reason, largest group first. */
public final class FailureGroups {
    private final FailureReasonNormaliser normaliser;

    public FailureGroups(FailureReasonNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    public List<ReasonGroup> of(List<BatchView> batches) {
        return of(batches.stream());
    }

    /** Groups the batches as the stream brings them, holding only the groups (ids, counts), not the rows. */
    public List<ReasonGroup> of(Stream<BatchView> batches) {
        Map<String, Accumulator> byReason = new LinkedHashMap<>();
        for (BatchView view : (Iterable<BatchView>) batches::iterator) {
            String reason = normaliser.normalise(view.failureReason());
            byReason.computeIfAbsent(reason, r -> new Accumulator(view.failureReason())).add(view);
        }
        List<ReasonGroup> groups = new ArrayList<>(byReason.size());
        byReason.forEach((reason, acc) -> groups.add(acc.toGroup(reason)));
        groups.sort(Comparator.comparingInt(ReasonGroup::count).reversed()
                .thenComparing(ReasonGroup::reason));
        return groups;
    }

    private static final class Accumulator {
        private final String example;
        private final List<String> ids = new ArrayList<>();
        private long entries;
        private Instant first;
        private Instant last;

        Accumulator(String example) {
            this.example = example;
        }

        void add(BatchView view) {
            ids.add(view.id());
            entries += view.entryCount();
            Instant seen = (view.lastAttempt() != null ? view.lastAttempt() : view.createdAt()).toInstant();
            first = first == null || seen.isBefore(first) ? seen : first;
            last = last == null || seen.isAfter(last) ? seen : last;
        }

        ReasonGroup toGroup(String reason) {
            return new ReasonGroup(reason, example, ids, entries, first, last);
        }
    }
}
