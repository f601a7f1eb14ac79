package dev.batchyard.connections;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.legacy.ExportFile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The connections file, {@code connections.json} in the user's configuration directory (the window
 * names the path). Format, version 1:
 * <pre>{@code
 * { "version": 1,
 *   "connections": [
 *     { "name": "eu-prod", "kind": "remote", "environment": "prod",
 *       "url": "https://logs-eu:7431", "token_file": "/home/ana/.config/batchyard/eu-prod.token",
 *       "ca_file": "/etc/batchyard/ca.pem" },
 *     { "name": "archive", "kind": "local", "environment": "dev", "store": "/srv/archive/store" } ],
 *   "recent_stores": [ "/home/ana/stores/incident-42" ] }
 * }</pre>
 * <ul>
 *   <li><b>No secret is kept here.</b> A {@code token} (or {@code password}) key is refused with a
 *       message that says to name a token file instead; the file is written owner-only all the same.</li>
 *   <li><b>Writing</b> replaces the whole file in one step ({@link ExportFile}): a crash leaves the
 *       old file or the new one.</li>
 *   <li><b>A file that cannot be read</b> (not JSON, an unknown version, a connection that breaks a
 *       rule) is never written over: {@link #load} sets it aside beside itself as
 *       {@code connections.json.unreadable-<time>} and says where and what was wrong, so the
 *       operator's list is never lost to a typo.</li>
 * </ul>
 * Stateless apart from the path; the window reads and writes it off the FX thread.
 */
public final class ConnectionFile {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> SECRET_KEYS = Set.of("token", "password", "secret", "bearer");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;

    public ConnectionFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path path() {
        return file;
    }

    /** What {@link #load} found: the book, and why the file was set aside when it was. */
    public record Loaded(ConnectionBook book, Optional<String> problem) {
    }

    /**
     * The saved book; an empty one when there is no file yet, or when the file could not be read,
     * which is then set aside and named in {@link Loaded#problem()}.
     *
     * @throws IOException when the file exists but cannot be opened, or cannot be set aside
     */
    public Loaded load() throws IOException {
        try {
            return new Loaded(read(), Optional.empty());
        } catch (NoSuchFileException absent) {
            return new Loaded(ConnectionBook.empty(), Optional.empty());
        } catch (ConnectionFileException unreadable) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + STAMP.format(clock.instant()));
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return new Loaded(ConnectionBook.empty(), Optional.of(unreadable.getMessage() + "; the file was kept as " + aside));
        }
    }

    /**
     * The book the file holds.
     *
     * @throws NoSuchFileException     when there is no file
     * @throws ConnectionFileException naming the file, and the connection and key, or the line and
     *                                 column, of what is wrong
     */
    public ConnectionBook read() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ConnectionFileException(file + ": not JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConnectionFileException(file + ": not a JSON object");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new ConnectionFileException(file + ": version " + root.path("version") + " is not one this Batchyard reads ("
                    + VERSION + ")");
        }
        List<Connection> connections = new ArrayList<>();
        for (JsonNode node : array(root, "connections")) {
            connections.add(connection(node, connections.size() + 1));
        }
        try {
            List<Path> recent = new ArrayList<>();
            for (JsonNode p : array(root, "recent_stores")) {
                recent.add(Path.of(p.asText()));
            }
            return new ConnectionBook(connections, recent);
        } catch (IllegalArgumentException e) { // InvalidPathException is one
            throw new ConnectionFileException(file + ": " + ConnectionNames.printable(e.getMessage()));
        }
    }

    private JsonNode array(JsonNode root, String key) throws ConnectionFileException {
        JsonNode node = root.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return JSON.createArrayNode();
        }
        if (!node.isArray()) {
            throw new ConnectionFileException(file + ": " + key + " is not a list");
        }
        return node;
    }

    private Connection connection(JsonNode node, int number) throws ConnectionFileException {
        if (!node.isObject()) {
            throw new ConnectionFileException(file + ": connection " + number + " is not an object");
        }
        String label = "connection " + number + (node.hasNonNull("name") ? " ('" + ConnectionNames.printable(node.get("name").asText()) + "')" : "");
        try {
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (SECRET_KEYS.contains(key)) {
                    throw new IllegalArgumentException(key + ": a secret is never kept in this file; save the token in a file "
                            + "of its own (readable by you only) and name it in token_file");
                }
            }
            String name = node.path("name").asText(null);
            Environment environment = Environment.parse(node.path("environment").asText("dev"));
            String kind = node.path("kind").asText("");
            return switch (kind) {
                case "local" -> new LocalConnection(name, environment, path(node, "store").orElse(null), path(node, "config"));
                case "remote" -> new RemoteConnection(name, environment, uri(node.path("url").asText(null)),
                        path(node, "token_file"), path(node, "ca_file"));
                default -> throw new IllegalArgumentException("kind: '" + ConnectionNames.printable(kind) + "' is neither local nor remote");
            };
        } catch (IllegalArgumentException e) { // InvalidPathException is one
            throw new ConnectionFileException(file + ": " + label + ": " + ConnectionNames.printable(e.getMessage()));
        }
    }

    private static Optional<Path> path(JsonNode node, String key) {
        String text = node.path(key).asText("");
        return text.isBlank() ? Optional.empty() : Optional.of(Path.of(text));
    }

    private static URI uri(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: '" + ConnectionNames.printable(text) + "' is not an address: " + e.getReason());
        }
    }

    /** Replaces the file with {@code book} in one step, owner-only, creating its directory (0700) if needed. */
    public void write(ConnectionBook book) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("connections");
        for (Connection c : book.connections()) {
            ObjectNode node = list.addObject();
            node.put("name", c.name());
            node.put("environment", c.environment().word());
            if (c instanceof LocalConnection local) {
                node.put("kind", "local");
                node.put("store", local.store().toString());
                local.config().ifPresent(p -> node.put("config", p.toString()));
            } else if (c instanceof RemoteConnection remote) {
                node.put("kind", "remote");
                node.put("url", remote.url().toString());
                remote.tokenFile().ifPresent(p -> node.put("token_file", p.toString()));
                remote.caFile().ifPresent(p -> node.put("ca_file", p.toString()));
            }
        }
        ArrayNode recent = root.putArray("recent_stores");
        book.recentStores().forEach(p -> recent.add(p.toString()));
        ExportFile.createDirectories(file.toAbsolutePath().getParent());
        ExportFile.write(file, JSON.writeValueAsBytes(root), true);
    }
}
