package dev.batchyard.model;

import java.time.OffsetDateTime;
import java.util.Map;

/** Fluent construction of an {@link EntryFailure}; unset strings are empty, unset maps and times null. */
public final class EntryFailureBuilder {
    private OffsetDateTime at;
    private String message = "";
    private String errorType = "";
    private String sink = "";
    private long retryCount;
    private Map<String, String> context;
    private String stackTrace = "";
    private long reprocessAttempts;
    private OffsetDateTime lastReprocessAttempt;
    private OffsetDateTime nextReprocessTime;
    private boolean reprocessingEnabled;
    private String entryId = "";
    private Map<String, Object> unknown;
    private KeyForms forms = KeyForms.NONE;

    EntryFailureBuilder() {
    }

    EntryFailureBuilder(EntryFailure f) {
        at = f.at();
        message = f.message();
        errorType = f.errorType();
        sink = f.sink();
        retryCount = f.retryCount();
        context = f.context();
        stackTrace = f.stackTrace();
        reprocessAttempts = f.reprocessAttempts();
        lastReprocessAttempt = f.lastReprocessAttempt();
        nextReprocessTime = f.nextReprocessTime();
        reprocessingEnabled = f.reprocessingEnabled();
        entryId = f.entryId();
        unknown = f.unknown();
        forms = f.forms();
    }

    public EntryFailureBuilder at(OffsetDateTime v) { at = v; return this; }
    public EntryFailureBuilder message(String v) { message = v; return this; }
    public EntryFailureBuilder errorType(String v) { errorType = v; return this; }
    public EntryFailureBuilder sink(String v) { sink = v; return this; }
    public EntryFailureBuilder retryCount(long v) { retryCount = v; return this; }
    public EntryFailureBuilder context(Map<String, String> v) { context = v; return this; }
    public EntryFailureBuilder stackTrace(String v) { stackTrace = v; return this; }
    public EntryFailureBuilder reprocessAttempts(long v) { reprocessAttempts = v; return this; }
    public EntryFailureBuilder lastReprocessAttempt(OffsetDateTime v) { lastReprocessAttempt = v; return this; }
    public EntryFailureBuilder nextReprocessTime(OffsetDateTime v) { nextReprocessTime = v; return this; }
    public EntryFailureBuilder reprocessingEnabled(boolean v) { reprocessingEnabled = v; return this; }
    public EntryFailureBuilder entryId(String v) { entryId = v; return this; }
    public EntryFailureBuilder unknown(Map<String, Object> v) { unknown = v; return this; }
    public EntryFailureBuilder forms(KeyForms v) { forms = v; return this; }

    public EntryFailure build() {
        return new EntryFailure(at, message, errorType, sink, retryCount, context, stackTrace, reprocessAttempts,
                lastReprocessAttempt, nextReprocessTime, reprocessingEnabled, entryId, unknown, forms);
    }
}
