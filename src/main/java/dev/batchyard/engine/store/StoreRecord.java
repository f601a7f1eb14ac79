package dev.batchyard.engine.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The kinds of record in a segment. A batch made by a split or merge is written as a {@code PART}
 * (a {@link Put} under another type) and lives only once the {@link Commit} naming it follows: the
 * parts and the commit are appended under one hold of the store's lock, so a crash before the
 * commit is durable leaves the old batches, and after it the new ones.
 */
public sealed interface StoreRecord {

    String id();

    /**
     * A whole batch: identity, current metadata, its encoded entries, {@code extras}: what an
     * importer kept that Batchyard does not model, and {@code failures}: the encoded per-entry
     * failures (both opaque to the store; empty for most batches). The store writes {@code entries}
     * and {@code failures} from the arrays it is given, without a copy: they must not change after
     * {@code put}.
     */
    record Put(String id, OffsetDateTime createdAt, Map<String, String> context, int entryCount,
               BatchMeta meta, byte[] entries, String extras, byte[] failures) implements StoreRecord {
        private static final byte[] NONE = new byte[0];

        public Put {
            context = Map.copyOf(context);
            extras = extras == null ? "" : extras;
            failures = failures == null ? NONE : failures;
        }

        public Put(String id, OffsetDateTime createdAt, Map<String, String> context, int entryCount, BatchMeta meta,
                   byte[] entries, String extras) {
            this(id, createdAt, context, entryCount, meta, entries, extras, NONE);
        }

        public Put(String id, OffsetDateTime createdAt, Map<String, String> context, int entryCount, BatchMeta meta,
                   byte[] entries) {
            this(id, createdAt, context, entryCount, meta, entries, "", NONE);
        }
    }

    /** New metadata for a stored batch. */
    record MetaUpdate(String id, BatchMeta meta) implements StoreRecord {
    }

    /** The batch left the store. */
    record Removal(String id, RemovalCause cause, String reason) implements StoreRecord {
    }

    /**
     * Makes the PARTs {@code added} live and removes {@code removed}, in one record: a split or merge
     * happened ({@code cause}, {@code reason}: "split into …", "merged into …").
     */
    record Commit(List<String> removed, List<String> added, RemovalCause cause, String reason) implements StoreRecord {
        public Commit {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
            if (removed.isEmpty() || added.isEmpty()) {
                throw new IllegalArgumentException("a commit removes and adds at least one batch each");
            }
            reason = reason == null ? "" : reason;
        }

        /** The first batch it removes (a commit concerns several). */
        @Override
        public String id() {
            return removed.get(0);
        }
    }
}
