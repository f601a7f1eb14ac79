package dev.batchyard.console;

import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.Transfer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One import through a console, audited: persists each batch through the console, keeps the ids
 * that went in, and at the end writes them to the audit trail as one {@code import} line naming the
 * source directory (the window's File ▸ Import and the CLI's {@code import-go} share it, so both
 * audit the same way). For one import on one thread.
 */
public final class ImportAudit {
    private final Console console;
    private final Path source;
    private final List<String> imported = new ArrayList<>();

    public ImportAudit(Console console, Path source) {
        this.console = console;
        this.source = source;
    }

    /** Persists {@code batch} (durable on return); its id is remembered once it is stored. */
    public void persist(NewBatch batch) {
        console.persist(batch);
        imported.add(batch.id());
    }

    /**
     * Writes the import's audit line: every id stored so far, also after an import that failed half
     * way (what went in is in the store, so it is in the trail).
     */
    public void finish() {
        console.recordTransfer(Transfer.imported(source.toAbsolutePath().normalize().toString(), imported));
    }
}
