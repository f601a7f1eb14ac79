package dev.batchyard.bench;

/**
 * The batch sizes the brief asks for. {@code SampleEntries.realistic} writes ~440 bytes of Go pretty
 * JSON an entry, so the 100-entry batch is ~44 KB (the brief's "~30 KB" assumed ~300); the entry
 * count, which drives the per-entry codec cost, is kept. The actual sizes are printed with the table.
 */
enum SizeClass {
    SMALL("1KB", 2, 64),
    MEDIUM("100e", 100, 32),
    LARGE("1MB", 2300, 4);

    final String label;
    final int entries;
    /** Distinct batches generated (cycled with fresh ids), so caches and codecs see varied data. */
    final int distinct;

    SizeClass(String label, int entries, int distinct) {
        this.label = label;
        this.entries = entries;
        this.distinct = distinct;
    }
}
