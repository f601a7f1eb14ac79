package dev.batchyard.console;

import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks {@link Console#batches} page by page, reading the next page only when the last is used up. */
final class PageWalk implements Iterator<BatchView> {
    private final Console console;
    private final BatchQuery query;
    private final BatchOrder order;
    private final int pageSize;
    private Iterator<BatchView> rows;
    private String next;
    private boolean started;

    private PageWalk(Console console, BatchQuery query, BatchOrder order, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least 1 row, not " + pageSize);
        }
        this.console = console;
        this.query = query;
        this.order = order;
        this.pageSize = pageSize;
    }

    static Stream<BatchView> stream(Console console, BatchQuery query, BatchOrder order, int pageSize) {
        PageWalk walk = new PageWalk(console, query, order, pageSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean hasNext() {
        while ((rows == null || !rows.hasNext()) && (!started || next != null)) {
            BatchPage page = console.batches(query, order,
                    started ? PageRequest.after(next, pageSize) : PageRequest.first(pageSize));
            started = true;
            next = page.nextCursor();
            rows = page.rows().iterator();
        }
        return rows != null && rows.hasNext();
    }

    @Override
    public BatchView next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return rows.next();
    }
}
