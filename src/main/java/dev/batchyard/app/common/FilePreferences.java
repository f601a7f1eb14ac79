package dev.batchyard.app.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.batchyard.legacy.ExportFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers per user (language, theme, window and column layout, the demo offer),
 * kept in one JSON file in the user's configuration directory ({@link #defaultFile}) rather than in
 * {@code java.util.prefs}' {@code ~/.java} tree. It is a {@link Preferences}, so the classes that
 * remember things take a node as before.
 *
 * <ul>
 *   <li><b>Reading:</b> once, when opened. On the first start with this file, what an earlier
 *       version kept under {@code java.util.prefs} is copied in ({@link #open(Path, Preferences, String)}).</li>
 *   <li><b>Writing:</b> changes stay in memory until {@link #flush()} (the app flushes when the
 *       window closes); the whole file is then replaced in one step, owner-only ({@link ExportFile}),
 *       so a crash leaves the old file or the new one. A crash before the flush loses that run's
 *       changes, nothing else.</li>
 *   <li><b>A file that cannot be read</b> (not JSON, not this shape) is set aside beside it as
 *       {@code <name>.unreadable} and the app starts with defaults: remembered layout is never worth
 *       refusing to start. One that cannot be opened at all (its permissions) is left alone, and
 *       nothing is written over it this run.</li>
 * </ul>
 * Thread-safe: {@link AbstractPreferences} locks each node; the values of the whole tree are guarded
 * by one lock besides, so a flush reads a consistent tree.
 */
public final class FilePreferences extends AbstractPreferences {
    private static final Logger LOG = LoggerFactory.getLogger(FilePreferences.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, Map<String, String>>> NODES = new TypeReference<>() {
    };

    private final Tree tree;
    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, FilePreferences> children = new TreeMap<>();

    /** The file, and what every node of one tree shares. */
    private static final class Tree {
        final Path file;
        boolean dirty;
        boolean writable = true;

        Tree(Path file) {
            this.file = file;
        }
    }

    private FilePreferences(FilePreferences parent, String name, Tree tree) {
        super(parent, name);
        this.tree = tree;
    }

    /** {@code $XDG_CONFIG_HOME/batchyard/preferences.json}, else {@code ~/.config/batchyard/preferences.json}. */
    public static Path defaultFile(Map<String, String> env, Path home) {
        return configDirectory(env, home).resolve("preferences.json");
    }

    /**
     * The window's configuration directory, {@code $XDG_CONFIG_HOME/batchyard}, else
     * {@code ~/.config/batchyard}: the one rule for where the window's files (preferences, saved
     * connections) live.
     */
    public static Path configDirectory(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("batchyard");
    }

    /** The preferences kept in {@code file} (none yet if it does not exist). */
    public static FilePreferences open(Path file) {
        return open(file, null, "");
    }

    /**
     * The preferences kept in {@code file}; when the file does not exist yet, what an earlier
     * version kept at {@code earlierPath} under {@code earlierRoot} (if that node exists; it is not
     * created) is copied in and written at once.
     */
    public static FilePreferences open(Path file, Preferences earlierRoot, String earlierPath) {
        FilePreferences root = new FilePreferences(null, "", new Tree(file));
        try {
            root.load(JSON.readValue(Files.readAllBytes(file), NODES));
        } catch (NoSuchFileException absent) {
            root.copyFrom(earlierRoot, earlierPath);
        } catch (com.fasterxml.jackson.core.JacksonException unreadable) {
            setAside(file, unreadable);
        } catch (IOException e) {
            LOG.warn("cannot read the preferences in {} ({}); starting with defaults, and not writing over it", file,
                    e.toString());
            root.tree.writable = false;
        }
        return root;
    }

    private void load(Map<String, Map<String, String>> nodes) {
        nodes.forEach((path, kept) -> {
            // node() takes the nodes' locks, then the tree's: never the other way round
            FilePreferences node = path.equals("/") ? this : (FilePreferences) node(path.substring(1));
            synchronized (tree) {
                kept.forEach((key, value) -> {
                    if (key != null && value != null) {
                        node.values.put(key, value);
                    }
                });
                tree.dirty = false;
            }
        });
    }

    private void copyFrom(Preferences earlierRoot, String earlierPath) {
        try {
            if (earlierRoot == null || !earlierRoot.nodeExists(earlierPath)) {
                return;
            }
            Preferences earlier = earlierRoot.node(earlierPath);
            copy(earlier, this);
            flush();
            LOG.info("preferences copied from java.util.prefs ({}) into {}", earlier.absolutePath(), tree.file);
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("cannot copy the earlier preferences ({}); starting with defaults", e.toString());
        }
    }

    private static void copy(Preferences from, Preferences to) throws BackingStoreException {
        for (String key : from.keys()) {
            to.put(key, from.get(key, ""));
        }
        for (String child : from.childrenNames()) {
            copy(from.node(child), to.node(child));
        }
    }

    private static void setAside(Path file, com.fasterxml.jackson.core.JacksonException why) {
        String what = why.getOriginalMessage() + (why.getLocation() == null ? ""
                : " at line " + why.getLocation().getLineNr() + ", column " + why.getLocation().getColumnNr());
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("the preferences in {} cannot be read ({}); kept as {}, starting with defaults", file, what, aside);
        } catch (IOException e) {
            LOG.warn("the preferences in {} cannot be read ({}) nor set aside ({}); starting with defaults", file, what,
                    e.toString());
        }
    }

    @Override
    protected void putSpi(String key, String value) {
        synchronized (tree) {
            tree.dirty |= !value.equals(values.put(key, value));
        }
    }

    @Override
    protected String getSpi(String key) {
        synchronized (tree) {
            return values.get(key);
        }
    }

    @Override
    protected void removeSpi(String key) {
        synchronized (tree) {
            tree.dirty |= values.remove(key) != null;
        }
    }

    @Override
    protected void removeNodeSpi() {
        synchronized (tree) {
            ((FilePreferences) parent()).children.remove(name());
            tree.dirty = true;
        }
    }

    @Override
    protected String[] keysSpi() {
        synchronized (tree) {
            return values.keySet().toArray(String[]::new);
        }
    }

    @Override
    protected String[] childrenNamesSpi() {
        synchronized (tree) {
            return children.keySet().toArray(String[]::new);
        }
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        synchronized (tree) {
            return children.computeIfAbsent(name, n -> new FilePreferences(this, n, tree));
        }
    }

    /** Nothing to read: this process is the file's only writer while it runs. */
    @Override
    protected void syncSpi() {
    }

    /** Writes the whole tree if anything changed (a flush visits every node; the first one writes). */
    @Override
    protected void flushSpi() throws BackingStoreException {
        byte[] bytes;
        synchronized (tree) {
            if (!tree.dirty || !tree.writable) {
                return;
            }
            Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
            root().collect(nodes);
            try {
                bytes = JSON.writeValueAsBytes(nodes);
                ExportFile.createDirectories(tree.file.toAbsolutePath().getParent());
                ExportFile.write(tree.file, bytes, true);
            } catch (IOException e) {
                throw new BackingStoreException("cannot write the preferences to " + tree.file + ": " + e);
            }
            tree.dirty = false;
        }
    }

    private FilePreferences root() {
        FilePreferences node = this;
        while (node.parent() != null) {
            node = (FilePreferences) node.parent();
        }
        return node;
    }

    private void collect(Map<String, Map<String, String>> nodes) {
        if (!values.isEmpty()) {
            nodes.put(absolutePath(), new TreeMap<>(values));
        }
        children.values().forEach(child -> child.collect(nodes));
    }
}
