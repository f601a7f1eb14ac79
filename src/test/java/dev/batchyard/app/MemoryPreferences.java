package dev.batchyard.app;

import java.util.Map;
import java.util.TreeMap;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;

/**
 * A preferences tree in memory, one per test: what a window remembers (layout, language, theme)
 * without {@code java.util.prefs}' shared {@code ~/.java} tree. That tree is one file lock for
 * every JVM of the user: with other builds running, removing a test's node once failed with
 * "Couldn't get file lock" (WindowAt1280x800Test, a loaded machine), and a node left behind leaks
 * into the next run. The app's own store of preferences, {@code FilePreferences}, has tests of its own.
 */
public final class MemoryPreferences extends AbstractPreferences {
    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, MemoryPreferences> children = new TreeMap<>();

    private MemoryPreferences(MemoryPreferences parent, String name) {
        super(parent, name);
    }

    /** A node of a new tree of its own, which a test may remove ({@link #removeNode}) when done. */
    public static Preferences node() {
        return new MemoryPreferences(null, "").node("test");
    }

    @Override
    protected void putSpi(String key, String value) {
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        values.clear();
        // the parent's lock is held here (AbstractPreferences takes it first): a later node() is new
        ((MemoryPreferences) parent()).children.remove(name());
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return children.keySet().toArray(String[]::new);
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
    }

    @Override
    protected void syncSpi() {
        // nothing to read again: the memory is the store
    }

    @Override
    protected void flushSpi() {
        // nothing to write
    }
}
