package dev.batchyard.engine.store;

import java.time.OffsetDateTime;
import java.util.Map;

/** The three kinds of record in a segment. */
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
}
