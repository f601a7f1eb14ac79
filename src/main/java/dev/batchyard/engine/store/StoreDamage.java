package dev.batchyard.engine.store;

import dev.batchyard.model.DamageKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One piece of damage the store found, and what it did about it.
 *
 * @param kind     what was found
 * @param file     the file it is in (a segment, the checkpoint, a stranger in {@code segments/})
 * @param offset   where in that file (0 for the file as a whole)
 * @param detail   what is wrong, in English, naming the batch when one is known
 * @param action   what was done, in English: cut, set aside where, left in place, lost
 * @param batchIds the batches concerned, where known (empty for a damaged region whose ids are unreadable)
 */
public record StoreDamage(DamageKind kind, Path file, long offset, String detail, String action, List<String> batchIds) {

    public StoreDamage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        batchIds = List.copyOf(batchIds);
    }

    /** Damage with no batch id known. */
    static StoreDamage of(DamageKind kind, Path file, long offset, String detail, String action) {
        return new StoreDamage(kind, file, offset, detail, action, List.of());
    }

    /** Damage to one batch. */
    static StoreDamage ofBatch(DamageKind kind, Path file, long offset, String id, String detail, String action) {
        return new StoreDamage(kind, file, offset, detail, action, List.of(id));
    }
}
