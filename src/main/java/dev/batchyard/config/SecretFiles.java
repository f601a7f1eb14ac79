package dev.batchyard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.sink.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code token_file} and {@code password_file} (README, "Secrets out of config.yaml"): anywhere in
 * the {@code sinks} and {@code serve} sections (in lists too), such a key names a file whose content becomes the {@code token} or
 * {@code password} beside it, so the secret need not be written in {@code config.yaml}.
 * <ul>
 *   <li>A relative path is resolved against the config file's folder, as
 *       {@code persistence.directory} is; symbolic links are followed (mounted secrets are
 *       usually links).</li>
 *   <li>The content is UTF-8 with one trailing line break ({@code \n} or {@code \r\n}) dropped, as
 *       {@code echo} and editors add one; anything else must be a valid credential (no other line
 *       break or control character), or the key is refused, naming the file, never its content.</li>
 *   <li>A file over {@value #MAX_BYTES} bytes is refused (a secret is short; a big file is the
 *       wrong file). Giving both {@code token} and {@code token_file} is refused.</li>
 *   <li>A secret file others may read is reported as a warning ({@link ReadableSecrets}).</li>
 * </ul>
 */
final class SecretFiles {
    static final int MAX_BYTES = 64 * 1024;
    private static final List<String> SECRET_KEYS = List.of("token", "password");

    private final Path baseDir;
    private final ReadableSecrets warnings;

    SecretFiles(Path baseDir, ReadableSecrets warnings) {
        this.baseDir = baseDir;
        this.warnings = warnings;
    }

    /** Replaces, in place, every {@code <secret>_file} of {@code node} (and below) by {@code <secret>}. */
    void resolve(JsonNode node, String key) {
        if (node instanceof ObjectNode object) {
            for (String secret : SECRET_KEYS) {
                String fileKey = secret + "_file";
                if (object.has(fileKey) && !object.get(fileKey).isNull()) {
                    if (object.has(secret) && !object.get(secret).isNull()) {
                        throw new ConfigException(key + "." + fileKey, object.get(fileKey).asText(),
                                "cannot be given together with " + secret + "; keep one of the two");
                    }
                    object.put(secret, read(object.get(fileKey), key + "." + fileKey));
                    object.remove(fileKey);
                }
            }
            List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
            object.fields().forEachRemaining(children::add);
            children.forEach(c -> resolve(c.getValue(), key + "." + c.getKey()));
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                resolve(array.get(i), key + "[" + i + "]"); // serve.tokens[i].token_file
            }
        }
    }

    private String read(JsonNode value, String key) {
        String written = value.asText();
        if (!value.isTextual() || written.isBlank()) {
            throw new ConfigException(key, written, "must be the path of a file holding the secret");
        }
        Path file;
        try {
            file = baseDir.resolve(written.strip()).normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(key, written, "must be a valid path (" + e.getReason() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key, written, Files.exists(file) ? "must be a regular file (" + file + " is not)"
                    : "names " + file + ", which does not exist");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | SecurityException e) {
            throw new ConfigException(key, written, "cannot be read: " + e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(key, written, "is larger than " + MAX_BYTES + " bytes: " + file
                    + " is not a secret file");
        }
        String text = utf8(bytes, key, written);
        text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String problem = Secret.problem(text);
        if (problem != null) {
            throw new ConfigException(key, written, "names " + file + ", whose content " + problem
                    + " (only one trailing line break is dropped)");
        }
        warnings.checkPrivate(file, key);
        return text;
    }

    private static String utf8(byte[] bytes, String key, String written) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(key, written, "names a file that is not UTF-8 text");
        }
    }
}
