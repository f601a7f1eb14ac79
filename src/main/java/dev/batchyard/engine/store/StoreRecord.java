package dev.batchyard.engine.store;

import java.time.OffsetDateTime;
import java.util.Map;

/** The three kinds of record in a segment. */
public sealed interface StoreRecord {

    String id();

    /**
     * A whole batch: identity, current metadata, its encoded entries, and {@code extras}: what an
     * importer kept that Batchyard does not model (opaque to the store; empty for most batches).
     * The store writes {@code entries} from the array it is given, without a copy: it must not
     * change after {@code put}.
     */
    record Put(String id, OffsetDateTime createdAt, Map<String, String> context, int entryCount,
               BatchMeta meta, byte[] entries, String extras) implements StoreRecord {
        public Put {
            context = Map.copyOf(context);
            extras = extras == null ? "" : extras;
        }

        public Put(String id, OffsetDateTime createdAt, Map<String, String> context, int entryCount, BatchMeta meta,
                   byte[] entries) {
            this(id, createdAt, context, entryCount, meta, entries, "");
        }
    }

    /** New metadata for a stored batch. */
    record MetaUpdate(String id, BatchMeta meta) implements StoreRecord {
    }

    /** The batch left the store. */
    record Removal(String id, RemovalCause cause, String reason) implements StoreRecord {
    }
}
