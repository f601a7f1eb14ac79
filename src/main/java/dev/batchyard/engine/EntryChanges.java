package dev.batchyard.engine;

import dev.batchyard.model.LogEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an edit changed, in lines an operator reads in a batch's history and the audit trail: the
 * entry's index, the field, the value before and after. Bounded, so an edit of a thousand entries
 * writes no thousand-line note: at most {@link #MAX_LINES} lines, each value cut at
 * {@link #MAX_VALUE_CHARS} characters, and a last line counting what was left out. Not thread-safe.
 */
final class EntryChanges {
    static final int MAX_LINES = 20;
    static final int MAX_VALUE_CHARS = 120;

    private final List<String> lines = new ArrayList<>();
    private int left;

    /** Every difference between {@code before} and {@code after}, the entry at {@code index}. */
    void entry(int index, LogEntry before, LogEntry after) {
        String at = "entry " + index + " ";
        if (!Objects.equals(before.message(), after.message())) {
            add(at + "message: " + value(before.message()) + " → " + value(after.message()));
        }
        if (!Objects.equals(before.level(), after.level())) {
            add(at + "level: " + value(before.level()) + " → " + value(after.level()));
        }
        if (!Objects.equals(before.timestamp(), after.timestamp())) {
            add(at + "timestamp: " + value(before.timestamp()) + " → " + value(after.timestamp()));
        }
        map(at + "label ", before.labels(), after.labels());
        map(at + "field ", before.fields(), after.fields());
        LogEntry rest = before.toBuilder().message(after.message()).level(after.level()).timestamp(after.timestamp())
                .labels(after.labels()).fields(after.fields()).build();
        if (!rest.equals(after)) {
            add(at + "other keys changed (trace, source, tags, metrics...)");
        }
    }

    void removed(int index, LogEntry entry) {
        add("entry " + index + " removed: " + value(entry.message()));
    }

    /** The lines, the last one saying how many more there were. */
    List<String> lines() {
        List<String> out = new ArrayList<>(lines);
        if (left > 0) {
            out.add("… and " + left + " more " + (left == 1 ? "change" : "changes"));
        }
        return out;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    private void map(String what, Map<String, ?> before, Map<String, ?> after) {
        Map<String, ?> b = before == null ? Map.of() : before;
        Map<String, ?> a = after == null ? Map.of() : after;
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (String key : keys) {
            if (!Objects.equals(b.get(key), a.get(key)) || b.containsKey(key) != a.containsKey(key)) {
                add(what + value(key) + ": " + (b.containsKey(key) ? value(b.get(key)) : "(none)") + " → "
                        + (a.containsKey(key) ? value(a.get(key)) : "(none)"));
            }
        }
    }

    private void add(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        } else {
            left++;
        }
    }

    /** A value as it reads in a line: quoted, cut, control characters shown as spaces. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        String s = v.toString().replaceAll("\\p{Cntrl}", " ");
        if (s.length() > MAX_VALUE_CHARS) {
            s = s.substring(0, MAX_VALUE_CHARS) + "…";
        }
        return v instanceof String ? "\"" + s + "\"" : s;
    }
}
