package dev.batchyard.codec.binary;

/**
 * The component bits of the binary entry format (version 2), shared by {@link BinaryEntryWriter}
 * and {@link BinaryEntryReader} so the two cannot drift apart. An entry starts with a varint of the
 * bits of the components it carries, in this order; a component equal to the builder's default is
 * left out. New components take new bits at the end; a reader refuses bits it does not know.
 */
final class EntryBits {
    static final int TRACE_ID = 1;
    static final int SPAN_ID = 1 << 1;
    static final int PARENT_SPAN_ID = 1 << 2;
    static final int TIMESTAMP = 1 << 3;
    static final int DURATION = 1 << 4;
    /** {@code processed_at} as a time of its own */
    static final int PROCESSED_AT = 1 << 5;
    /** {@code processed_at} as nanoseconds after {@code timestamp}, on the same offset (the usual case) */
    static final int PROCESSED_AFTER = 1 << 6;
    static final int MESSAGE = 1 << 7;
    static final int LEVEL = 1 << 8;
    static final int SOURCE_TYPE = 1 << 9;
    static final int SOURCE_ID = 1 << 10;
    static final int TAGS = 1 << 11;
    static final int LABELS = 1 << 12;
    static final int FIELDS = 1 << 13;
    static final int PROCESSING_STEPS = 1 << 14;
    static final int PIPELINE = 1 << 15;
    static final int DATA_CLASSIFICATION = 1 << 16;
    static final int RETENTION_POLICY = 1 << 17;
    static final int SANITIZED_FIELDS = 1 << 18;
    static final int METRICS = 1 << 19;
    static final int SLOS = 1 << 20;
    static final int UNKNOWN = 1 << 21;
    static final int FORMS = 1 << 22;
    static final int ALL_ENTRY = (1 << 23) - 1;

    /** A step starts with a varint of its bits plus one; 0 is a null step. */
    static final int STEP_NAME = 1;
    static final int STEP_TIMESTAMP = 1 << 1;
    static final int STEP_DURATION = 1 << 2;
    static final int STEP_SUCCESS = 1 << 3;
    static final int STEP_ERROR = 1 << 4;
    static final int STEP_INPUT = 1 << 5;
    static final int STEP_OUTPUT = 1 << 6;
    static final int STEP_METADATA = 1 << 7;
    static final int STEP_UNKNOWN = 1 << 8;
    static final int STEP_FORMS = 1 << 9;
    static final int ALL_STEP = (1 << 10) - 1;

    /** Value tags of the "any JSON" values in fields, unknown keys and step maps. */
    static final int NULL = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    static final int LONG = 3;
    static final int DOUBLE = 4;
    static final int STRING = 5;
    static final int LIST = 6;
    static final int OBJECT = 7;
    static final int BIG_INTEGER = 8;
    static final int BIG_DECIMAL = 9;

    /** Deeper values are refused on both sides (Jackson's default limit, which the Smile format had). */
    static final int MAX_DEPTH = 1000;

    private EntryBits() {
    }
}
