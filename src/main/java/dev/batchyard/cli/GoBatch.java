package dev.batchyard.cli;

import dev.batchyard.engine.NewBatch;
import java.util.List;

/**
 * One Go {@code PersistedBatch} as read from {@code batch_<id>.json}, and the top-level keys the
 * engine has no place for yet (they are reported, not silently lost).
 */
record GoBatch(NewBatch batch, List<String> unkeptKeys) {
    GoBatch {
        unkeptKeys = List.copyOf(unkeptKeys);
    }
}
