package dev.batchyard.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.sink.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns (a WARN log line, start-up goes on) when a file holding a credential can be read by users
 * other than its owner: {@code config.yaml} with a secret written in it, or a
 * {@code token_file}/{@code password_file}. A credential is written in {@code config.yaml} when a
 * {@code token} or {@code password}, a sensitive header ({@link Redaction}) or a URL's user info or
 * sensitive query parameter has a value there that is not just one {@code ${VAR}} reference.
 * Checked on POSIX file systems only (elsewhere the permissions are ACLs this does not read).
 */
final class ReadableSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(ReadableSecrets.class);
    private static final Pattern ONLY_A_REFERENCE = Pattern.compile("\\$\\{[^}]*}");
    private static final Set<PosixFilePermission> SHARED = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    /** The keys of {@code section} (as written, before substitution) whose value is a credential. */
    static List<String> writtenIn(JsonNode section, String name) {
        List<String> keys = new ArrayList<>();
        collect(section, name, false, keys);
        return keys;
    }

    private static void collect(JsonNode node, String key, boolean inHeaders, List<String> keys) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                collect(f.getValue(), key + "." + f.getKey(), f.getKey().equals("headers"), keys);
                if (holdsSecret(f.getKey(), f.getValue(), inHeaders)) {
                    keys.add(key + "." + f.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isTextual() && urlHoldsSecret(node.get(i).asText())) {
                    keys.add(key + "[" + i + "]");
                } else if (node.get(i).isObject()) {
                    collect(node.get(i), key + "[" + i + "]", false, keys); // serve.tokens[i].token
                }
            }
        }
    }

    private static boolean holdsSecret(String name, JsonNode value, boolean isHeader) {
        if (!value.isValueNode() || value.isNull() || value.asText().isEmpty()
                || ONLY_A_REFERENCE.matcher(value.asText().strip()).matches()) {
            return false;
        }
        String text = value.asText();
        return name.equals("token") || name.equals("password")
                || (isHeader && Redaction.isSensitiveHeader(name, text))
                || (name.equals("url") && urlHoldsSecret(text));
    }

    private static boolean urlHoldsSecret(String url) {
        return !Redaction.url(url).equals(url);
    }

    /** Warns when {@code configFile} holds the credentials at {@code keys} and others may read it. */
    void checkConfig(Path configFile, List<String> keys) {
        if (!keys.isEmpty()) {
            check(configFile, "holds credentials (" + String.join(", ", keys) + "); chmod 600 it, or move"
                    + " them out with ${VAR} or token_file/password_file");
        }
    }

    /** Warns when the secret file named by {@code key} may be read by others. */
    void checkPrivate(Path secretFile, String key) {
        check(secretFile, "is the secret of " + key + "; chmod 600 it");
    }

    private static void check(Path file, String why) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            return; // not POSIX, or not readable: nothing this check can say
        }
        if (mode.stream().anyMatch(SHARED::contains)) {
            LOG.warn("{} can be read by users other than its owner (mode {}) and {}", file,
                    PosixFilePermissions.toString(mode), why);
        }
    }
}
