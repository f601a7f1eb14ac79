package dev.batchyard.legacy.dlq;

/** Why a line of a Go dead-letter file is not taken in. */
public enum LineProblem {
    /** the line ends before its JSON does: the agent's append was cut short by a crash */
    CUT_SHORT("cut short"),
    /** not JSON at all (or not UTF-8) */
    NOT_JSON("not JSON"),
    /** JSON, but not a dead-letter entry: not an object, a field of the wrong type, no entry or no entry id */
    NOT_AN_ENTRY("not an entry"),
    /** a line of the agent's text format ({@code json_format: false}), which lost the entry: refused */
    TEXT_FORMAT("text format"),
    /** longer than the reader's line limit: skipped without being held in memory */
    TOO_LONG("too long"),
    /** nothing on the line but white space */
    BLANK("blank"),
    /** an entry whose {@code entry_id} came earlier in the directory or is already stored */
    DUPLICATE("duplicate entry id");

    private final String label;

    LineProblem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
