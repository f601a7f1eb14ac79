/**
 * Search inside the entries of every stored batch: a small query language ({@link EntryQuery}),
 * and a scan that reads the store front to back and streams hits grouped by batch, with progress
 * and cancel ({@link EntrySearch}). Knows the engine's plain data ({@code Batch}, {@code LogEntry})
 * and nothing of JavaFX, HTTP or the CLI; the console seam offers it to all three
 * (see docs/architecture.md).
 */
package dev.batchyard.search;
