package dev.batchyard.legacy.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Groups dead letters, as a scan finds them, into batches per failed sink: in file order, at most
 * {@code maxEntries} entries and {@code maxLineBytes} bytes of lines a batch. A batch is handed on
 * as soon as it is full, and the rest by {@link #finish()}, so memory holds at most one open batch a
 * sink (plus the entry ids seen). Not thread-safe: one scan, one instance.
 *
 * <p><b>The entry id is the key.</b> An entry whose {@code entry_id} is already stored
 * ({@code stored}) or came earlier in this scan is not batched again but reported as a
 * {@link LineProblem#DUPLICATE} line, so re-running an import adds only what is new. Batch ids are
 * derived from the sink and the entry ids ({@link #idFor}), so the same lines grouped the same way
 * get the same ids in every store.
 */
public final class DlqBatching {
    public static final int DEFAULT_MAX_ENTRIES = 100;
    /** 16 MiB of JSON lines: the store's binary form is smaller, well under its default record limit of 64 MiB. */
    public static final long DEFAULT_MAX_LINE_BYTES = 16L * 1024 * 1024;
    /** What every dead-letter batch id starts with. */
    public static final String ID_PREFIX = "dlq-";

    private final int maxEntries;
    private final long maxLineBytes;
    private final Predicate<String> stored;
    private final Consumer<DlqBatch> batches;
    private final Consumer<DamagedLine> duplicates;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    /**
     * @param stored     whether an entry id is already in the store
     * @param batches    receives each batch once it is complete
     * @param duplicates receives each entry not batched because its id is stored or came earlier
     */
    public DlqBatching(int maxEntries, long maxLineBytes, Predicate<String> stored, Consumer<DlqBatch> batches,
                       Consumer<DamagedLine> duplicates) {
        if (maxEntries < 1 || maxLineBytes < 1) {
            throw new IllegalArgumentException("a batch holds at least one entry: " + maxEntries + " entries, "
                    + maxLineBytes + " bytes");
        }
        this.maxEntries = maxEntries;
        this.maxLineBytes = maxLineBytes;
        this.stored = stored;
        this.batches = batches;
        this.duplicates = duplicates;
    }

    public void add(DeadLetter letter) {
        String entryId = letter.entryId();
        if (stored.test(entryId)) {
            duplicates.accept(new DamagedLine(letter.file(), letter.line(), LineProblem.DUPLICATE,
                    "entry '" + entryId + "' is already stored"));
            return;
        }
        if (!seen.add(entryId)) {
            duplicates.accept(new DamagedLine(letter.file(), letter.line(), LineProblem.DUPLICATE,
                    "entry '" + entryId + "' came earlier in the directory"));
            return;
        }
        String sink = letter.failure().sink();
        Open batch = open.computeIfAbsent(sink, s -> new Open());
        if (!batch.letters.isEmpty() && batch.bytes + letter.bytes() > maxLineBytes) {
            hand(sink, batch);
        }
        batch.add(letter);
        if (batch.letters.size() >= maxEntries) {
            hand(sink, batch);
        }
    }

    /** Hands on every batch still open, in the order their sinks were first seen. */
    public void finish() {
        open.forEach((sink, batch) -> {
            if (!batch.letters.isEmpty()) {
                hand(sink, batch);
            }
        });
        open.clear();
    }

    /**
     * {@code dlq-} and 32 hex digits of the SHA-256 of the sink and the entry ids, each after its
     * length (so no two lists of ids run together alike): the same entries of the same sink always
     * get the same id, and the id holds nothing that would need escaping (sink names are the
     * agent's, and may be anything).
     */
    public static String idFor(String sink, List<String> entryIds) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        update(sha, sink);
        for (String id : entryIds) {
            update(sha, id);
        }
        return ID_PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private void hand(String sink, Open batch) {
        List<String> ids = batch.letters.stream().map(DeadLetter::entryId).toList();
        batches.accept(new DlqBatch(idFor(sink, ids), sink, batch.letters));
        batch.letters = new ArrayList<>();
        batch.bytes = 0;
    }

    private static final class Open {
        private List<DeadLetter> letters = new ArrayList<>();
        private long bytes;

        void add(DeadLetter letter) {
            letters.add(letter);
            bytes += letter.bytes();
        }
    }
}
