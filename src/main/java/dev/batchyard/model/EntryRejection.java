package dev.batchyard.model;

import java.util.Objects;

/**
 * One entry of a batch that a sink refused in an attempt, and why: an Elasticsearch {@code _bulk}
 * item error, a Loki stream's 400 line, a Splunk HEC {@code invalid-event-number}. Kept in the
 * attempt ({@link Attempt#rejections()}), so a later attempt that refuses other entries does not
 * overwrite what this one said.
 *
 * @param index  the entry's index in the batch as it was when the attempt was made
 * @param reason what the sink said of that entry, one line, already scrubbed of secrets; at most
 *               {@value #MAX_REASON_CHARS} characters
 */
public record EntryRejection(int index, String reason) {
    /** Per entry, a sink's words are short (a type and a reason); anything longer is cut. */
    public static final int MAX_REASON_CHARS = 500;

    public EntryRejection {
        if (index < 0) {
            throw new IllegalArgumentException("entry index " + index + " < 0");
        }
        Objects.requireNonNull(reason, "reason");
        reason = reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS - 1) + "…";
    }
}
