/**
 * The Go agent's dead-letter files ({@code pkg/dlq}, {@code dlq_<YYYYMMDD_HHMMSS>.log}, one JSON
 * {@code DLQEntry} a line): read losslessly and in bounded memory
 * ({@link dev.batchyard.legacy.dlq.DlqDirectory}, {@link dev.batchyard.legacy.dlq.DlqFileReader},
 * {@link dev.batchyard.legacy.dlq.DlqLineFormat}), damaged lines reported with file and line number,
 * grouped into batches per failed sink ({@link dev.batchyard.legacy.dlq.DlqBatching}) with each
 * entry's own failure kept beside it ({@link dev.batchyard.model.EntryFailure}), and written back
 * byte for byte as the agent writes them.
 */
package dev.batchyard.legacy.dlq;
