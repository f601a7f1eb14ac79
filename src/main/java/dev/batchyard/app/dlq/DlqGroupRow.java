package dev.batchyard.app.dlq;

/**
 * One line of the browse view's grouping: a failed sink with all its entries ({@code errorType}
 * null), or one error type of that sink.
 */
public record DlqGroupRow(String sink, String errorType, long count) {
    /** Whether {@code letterSink} and {@code letterError} fall in this group. */
    boolean holds(String letterSink, String letterError) {
        return sink.equals(letterSink) && (errorType == null || errorType.equals(letterError));
    }
}
