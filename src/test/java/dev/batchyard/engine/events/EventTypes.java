package dev.batchyard.engine.events;

import java.util.HashSet;
import java.util.Set;

/** Every kind of {@link BatchEvent}, for tests that check each is handled (the records, not the sealed groups). */
public final class EventTypes {
    private EventTypes() {
    }

    public static Set<Class<?>> records() {
        Set<Class<?>> records = new HashSet<>();
        collect(BatchEvent.class, records);
        return records;
    }

    private static void collect(Class<?> type, Set<Class<?>> records) {
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                collect(permitted, records);
            } else {
                records.add(permitted);
            }
        }
    }
}
