package dev.batchyard.legacy.dlq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a read-only look at a dead-letter directory shows: the entries (the first {@code maxRows}),
 * how many there are per failed sink and error type, and per file how many entries and damaged
 * lines it has. Collects as a {@link DlqVisitor} during one scan, then {@link #result()} is an
 * immutable snapshot. Not thread-safe: one scan, one instance, then hand the result on.
 */
public final class DlqOverview implements DlqVisitor {
    /** Rows kept for display; beyond them entries are counted, not held (a directory may hold millions). */
    public static final int DEFAULT_MAX_ROWS = 100_000;

    private final int maxRows;
    private final List<DeadLetter> rows = new ArrayList<>();
    private final Map<Group, Long> groups = new LinkedHashMap<>();
    private final Map<Path, Tally> files = new LinkedHashMap<>();
    private final List<DamagedLine> damaged = new ArrayList<>();
    private final List<RefusedFile> refused = new ArrayList<>();
    private final Map<LineProblem, Long> damagedByProblem = new EnumMap<>(LineProblem.class);
    private long entries;

    public DlqOverview(int maxRows) {
        this.maxRows = maxRows;
    }

    /** One failed sink and error type, as the agent named them. */
    public record Group(String sink, String errorType) {
        public Group {
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(errorType, "errorType");
        }
    }

    /** @param refused the file's problem when it was not read, or not to its end; else null */
    public record FileCounts(Path file, long entries, long damagedLines, RefusedFile refused) {
    }

    /**
     * @param rows   the first entries, in file and line order
     * @param groups entries per sink and error type, in the order first seen
     * @param files  per file, in scan order
     */
    public record Result(List<DeadLetter> rows, long entries, Map<Group, Long> groups, List<FileCounts> files,
                         List<DamagedLine> damaged, Map<LineProblem, Long> damagedByProblem, List<RefusedFile> refused) {
        public Result {
            rows = List.copyOf(rows);
            groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
            files = List.copyOf(files);
            damaged = List.copyOf(damaged);
            damagedByProblem = Map.copyOf(damagedByProblem);
            refused = List.copyOf(refused);
        }

        /** Whether entries were counted that are not among the rows. */
        public boolean truncated() {
            return rows.size() < entries;
        }
    }

    @Override
    public void letter(DeadLetter letter) {
        entries++;
        if (rows.size() < maxRows) {
            rows.add(letter);
        }
        groups.merge(new Group(letter.failure().sink(), letter.failure().errorType()), 1L, Long::sum);
        file(letter.file()).entries++;
    }

    @Override
    public void damaged(DamagedLine line) {
        damagedByProblem.merge(line.problem(), 1L, Long::sum);
        if (damaged.size() < DlqImport.LISTED_LINES) {
            damaged.add(line);
        }
        file(line.file()).damaged++;
    }

    @Override
    public void refused(RefusedFile file) {
        refused.add(file);
        file(file.file()).refused = file;
    }

    public Result result() {
        List<FileCounts> counts = files.values().stream()
                .map(f -> new FileCounts(f.file, f.entries, f.damaged, f.refused)).toList();
        return new Result(rows, entries, groups, counts, damaged, damagedByProblem, refused);
    }

    private Tally file(Path file) {
        return files.computeIfAbsent(file, Tally::new);
    }

    private static final class Tally {
        private final Path file;
        private long entries;
        private long damaged;
        private RefusedFile refused;

        Tally(Path file) {
            this.file = file;
        }
    }
}
