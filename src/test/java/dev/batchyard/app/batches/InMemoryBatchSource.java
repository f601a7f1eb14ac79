package dev.batchyard.app.batches;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.ConsoleContract;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Batch metadata held in a map, filtered and sorted as the console's contract says
 * ({@link ConsoleContract#expected}); counts the reads so tests can check what the table
 * asks for.
 */
final class InMemoryBatchSource implements BatchSource {
    private final Map<String, BatchView> batches = new LinkedHashMap<>();
    private final Clock clock;
    int pages;
    int counts;
    /** The offset and limit of the last page asked for. */
    int lastOffset = -1;
    int lastLimit = -1;
    /** Run at each page read, as its time passing (a test's clock advanced). */
    Runnable onPage = () -> { };

    InMemoryBatchSource(Clock clock) {
        this.clock = clock;
    }

    void put(BatchView... views) {
        for (BatchView view : views) {
            batches.put(view.id(), view);
        }
    }

    void remove(String id) {
        batches.remove(id);
    }

    List<BatchView> matching(BatchQuery query, BatchOrder order) {
        return batches.values().stream().filter(query.matcher(clock.instant())).sorted(comparator(order)).toList();
    }

    @Override
    public BatchPage page(BatchQuery query, BatchOrder order, int offset, int limit) {
        pages++;
        onPage.run();
        lastOffset = offset;
        lastLimit = limit;
        List<BatchView> all = matching(query, order);
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), offset + limit);
        return new BatchPage(all.subList(from, to), to < all.size() ? "more" : null, all.size());
    }

    @Override
    public int count(BatchQuery query) {
        counts++;
        return matching(query, BatchOrder.OLDEST_FIRST).size();
    }

    @Override
    public List<BatchView> find(Collection<String> ids) {
        return ids.stream().map(batches::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Set<String> sinks() {
        Set<String> names = new TreeSet<>();
        batches.values().forEach(v -> names.add(v.sink()));
        return names;
    }

    @Override
    public Stream<BatchView> each(BatchQuery query) {
        return matching(query, BatchOrder.OLDEST_FIRST).stream();
    }

    static Comparator<BatchView> comparator(BatchOrder order) {
        return ConsoleContract.expected(order);
    }
}
