package dev.batchyard.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.Secret;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code serve} section of {@code config.yaml}, read key by key into {@link ServeSettings}
 * (README, "batchyard serve"). Missing keys take their defaults; every other value is checked
 * here, failing with a {@link ConfigException} naming {@code serve.<key>}, the value and what is
 * allowed, and never the value of a token. Unknown keys are refused, listing the allowed ones.
 * Tokens have been through {@code ${VAR}} and {@code token_file} already ({@link ConfigFile}).
 */
final class ServeSection {
    private static final Set<String> KEYS = Set.of("listen", "tls", "tokens", "ingest", "limits", "log_file");
    private static final Set<String> TLS_KEYS = Set.of("cert_file", "key_file");
    private static final Set<String> TOKEN_KEYS = Set.of("name", "role", "token");
    private static final Set<String> INGEST_KEYS = Set.of("loki", "retry_after");
    private static final Set<String> LOKI_KEYS = Set.of("sink", "tenants");
    private static final Set<String> LIMIT_KEYS = Set.of("max_body_bytes", "max_decoded_bytes", "request_timeout",
            "idle_timeout");
    /** RFC 6750's token68: what a bearer token may hold, so it survives any HTTP client unchanged. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,63}");

    private final JsonNode raw;
    private final ConfigNode section;
    private final Path baseDir;

    /** @param baseDir the config file's directory: relative paths are resolved against it */
    ServeSection(JsonNode section, Path baseDir) {
        this.raw = section;
        this.section = new ConfigNode(section, "serve");
        this.baseDir = baseDir;
    }

    ServeSettings read() {
        ServeSettings d = ServeSettings.defaults();
        if (raw != null && !raw.isNull() && !raw.isObject()) {
            throw new ConfigException("serve", PersistenceSection.shown(raw), "must be a mapping of serve keys");
        }
        onlyKeys(section, KEYS);
        String listen = section.text("listen", d.listen());
        try {
            ListenAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section.key("listen"), listen, e.getMessage());
        }
        ConfigNode ingest = section.child("ingest");
        onlyKeys(ingest, INGEST_KEYS);
        ConfigNode loki = ingest.child("loki");
        onlyKeys(loki, LOKI_KEYS);
        Optional<String> lokiSink = loki.has("sink") ? Optional.of(loki.text("sink", "").strip()).filter(s -> !s.isEmpty())
                : d.lokiSink();
        return new ServeSettings(listen, tls(), tokens(), lokiSink, tenants(loki),
                limits(d.limits()), ingest.duration("retry_after", d.retryAfter(), true),
                section.has("log_file") ? Optional.of(path(section, "log_file")) : Optional.empty());
    }

    private Optional<ServeSettings.TlsFiles> tls() {
        ConfigNode tls = section.child("tls");
        if (tls.fieldNames().isEmpty()) {
            return Optional.empty();
        }
        onlyKeys(tls, TLS_KEYS);
        for (String key : TLS_KEYS) {
            if (!tls.has(key)) {
                throw new ConfigException(tls.key(key), "", "is missing; TLS needs both cert_file and key_file (PEM)");
            }
        }
        return Optional.of(new ServeSettings.TlsFiles(existingFile(tls, "cert_file"), existingFile(tls, "key_file")));
    }

    private List<ServeSettings.ApiToken> tokens() {
        JsonNode list = section.has("tokens") ? rawTokens() : null;
        List<ServeSettings.ApiToken> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        Set<String> names = new HashSet<>();
        Map<Secret, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode t = new ConfigNode(list.get(i), "serve.tokens[" + i + "]");
            if (!t.isObject()) {
                throw new ConfigException(t.path(), ConfigNode.HIDDEN, "must be a mapping of name, role and token (or token_file)");
            }
            onlyKeys(t, TOKEN_KEYS);
            String name = t.text("name", "").strip();
            if (!TOKEN_NAME.matcher(name).matches()) {
                throw new ConfigException(t.key("name"), name, "must be 1 to 64 ASCII letters, digits and . _ @ : -"
                        + " (starting with a letter or digit); it is the actor in the audit trail");
            }
            if (!names.add(name)) {
                throw new ConfigException(t.key("name"), name, "is given to two tokens; each token needs its own name");
            }
            String roleText = t.text("role", "");
            ServeSettings.Role role;
            try {
                role = ServeSettings.Role.valueOf(roleText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(t.key("role"), roleText, "must be viewer, ingest or operator");
            }
            Secret token = token(t);
            String twin = seen.putIfAbsent(token, name);
            if (twin != null) {
                throw new ConfigException(t.key("token"), ConfigNode.HIDDEN, "is the same as the token of " + twin
                        + "; each caller needs its own token, or the audit trail cannot tell them apart");
            }
            out.add(new ServeSettings.ApiToken(name, role, token));
        }
        return out;
    }

    private JsonNode rawTokens() {
        // ConfigNode reads mappings and values; the list itself is read here
        JsonNode tokens = raw.get("tokens");
        if (!tokens.isArray()) {
            throw new ConfigException("serve.tokens", ConfigNode.HIDDEN,
                    "must be a list of tokens, each with name, role and token (or token_file)");
        }
        return tokens;
    }

    private static Secret token(ConfigNode t) {
        if (!t.has("token")) {
            throw new ConfigException(t.key("token"), "", "is missing; give token or token_file");
        }
        Secret token = t.headerSecret("token");
        String value = token.reveal();
        if (value.length() < MIN_TOKEN_LENGTH) {
            throw new ConfigException(t.key("token"), ConfigNode.HIDDEN, "must be at least " + MIN_TOKEN_LENGTH
                    + " characters (make one with: openssl rand -hex 32)");
        }
        if (!TOKEN68.matcher(value).matches()) {
            throw new ConfigException(t.key("token"), ConfigNode.HIDDEN, "may only hold ASCII letters, digits and"
                    + " - . _ ~ + / (then = at the end), as a bearer token must");
        }
        return token;
    }

    private Map<String, String> tenants(ConfigNode loki) {
        Map<String, String> tenants = loki.stringMap("tenants");
        for (Map.Entry<String, String> t : tenants.entrySet()) {
            if (t.getValue().isBlank()) {
                throw new ConfigException(loki.key("tenants") + "." + t.getKey(), t.getValue(), "must name a sink");
            }
        }
        return tenants;
    }

    private ServeSettings.Limits limits(ServeSettings.Limits d) {
        ConfigNode limits = section.child("limits");
        onlyKeys(limits, LIMIT_KEYS);
        int body = limits.integer("max_body_bytes", d.maxBodyBytes(), 1024);
        int decoded = limits.integer("max_decoded_bytes", d.maxDecodedBytes(), 1024);
        if (decoded < body) {
            throw new ConfigException(limits.key("max_decoded_bytes"), Integer.toString(decoded),
                    "must be at least max_body_bytes (" + body + ")");
        }
        Duration request = limits.duration("request_timeout", d.requestTimeout(), true);
        Duration idle = limits.duration("idle_timeout", d.idleTimeout(), true);
        return new ServeSettings.Limits(body, decoded, request, idle);
    }

    private Path existingFile(ConfigNode node, String key) {
        Path file = path(node, key);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(node.key(key), node.text(key, ""), Files.exists(file)
                    ? "must be a regular file (" + file + " is not)" : "names " + file + ", which does not exist");
        }
        return file;
    }

    private Path path(ConfigNode node, String key) {
        String written = node.text(key, "");
        if (written.isBlank()) {
            throw new ConfigException(node.key(key), written, "must be a file path");
        }
        try {
            return baseDir.resolve(written.strip()).normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(node.key(key), written, "must be a valid path (" + e.getReason() + ")");
        }
    }

    private static void onlyKeys(ConfigNode node, Set<String> allowed) {
        for (String key : node.fieldNames()) {
            if (!allowed.contains(key)) {
                throw new ConfigException(node.key(key), ConfigNode.HIDDEN, "is not a key of " + node.path() + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
