package dev.batchyard.search;

/** One condition of a query; an entry matches a query when it meets every term. Immutable. */
sealed interface Term {

    boolean test(EntryValues entry);

    /** Free text: any of the entry's values (message, level, source, tags, label and field values). */
    record AnyValue(ValueMatch match) implements Term {
        @Override
        public boolean test(EntryValues entry) {
            return entry.anyMatches(match);
        }
    }

    /** {@code key:value} or {@code key=value}: the values {@link EntryValues#named} gives for {@code key}. */
    record Keyed(String key, ValueMatch match) implements Term {
        @Override
        public boolean test(EntryValues entry) {
            return entry.namedMatches(key, match);
        }
    }

    /** {@code -term}: the entry does not meet {@code term}. */
    record Not(Term term) implements Term {
        @Override
        public boolean test(EntryValues entry) {
            return !term.test(entry);
        }
    }
}
