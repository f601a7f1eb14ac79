package dev.batchyard.serve.ingest;

import java.util.Map;

/**
 * Where a decoder of Loki's push hands what it reads, as it reads it (either encoding): each
 * stream's labels, then that stream's lines, stream by stream in the order pushed. So a push
 * becomes the engine's entries in one pass, with no copy of it in between ({@link LokiEntries}),
 * or a {@link LokiPush} where the whole request is wanted as a value. Labels are already checked
 * ({@link LokiLabels}); a line's time is within {@link LokiTimes}' range.
 */
interface LokiLines {

    /** The next stream's labels (never empty): the lines that follow are its lines. */
    void stream(Map<String, String> labels);

    /**
     * One line of the current stream.
     *
     * @param structuredMetadata name to value in the order sent; empty when the line has none. The
     *                           receiver may keep it: the decoder does not change it afterwards.
     */
    void line(long epochSecond, int nano, String line, Map<String, String> structuredMetadata);
}
