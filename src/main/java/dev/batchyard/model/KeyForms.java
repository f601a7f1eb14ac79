package dev.batchyard.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link KeyForm}s of one JSON object, by key. Empty for anything Go wrote or a builder made,
 * so it costs nothing in the common case.
 */
public record KeyForms(Map<String, KeyForm> byKey) {
    public static final KeyForms NONE = new KeyForms(Map.of());

    public KeyForms {
        Objects.requireNonNull(byKey, "byKey");
        byKey = byKey.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    public KeyForm get(String key) {
        return byKey.get(key);
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** Collects forms while an object is read; {@link #build()} is {@link #NONE} when none were seen. */
    public static final class Collector {
        private Map<String, KeyForm> forms;

        public void put(String key, KeyForm form) {
            if (forms == null) {
                forms = new LinkedHashMap<>(4);
            }
            forms.put(key, form);
        }

        public void remove(String key) {
            if (forms != null) {
                forms.remove(key);
            }
        }

        public KeyForms build() {
            return forms == null || forms.isEmpty() ? NONE : new KeyForms(forms);
        }
    }
}
