package dev.batchyard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.PersistenceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code config.yaml} in the Go agent's shape: the {@code persistence} section (see
 * {@link PersistenceSection}) and the raw {@code sinks} section; every other top-level section
 * belongs to the Go agent and is ignored.
 *
 * <p>A relative {@code persistence.directory} (the default is {@code ./batch_persistence}) is
 * resolved against the directory holding the config file, not the working directory, so the same
 * file finds the same store wherever Batchyard is started from.
 */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** @throws ConfigException naming the file, or the key, value and what is allowed */
    public static AppConfig load(Path file) {
        Path source = file.toAbsolutePath().normalize();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readAllBytes(source));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage().replace('\n', ' ')
                    + where(e));
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot be read: " + e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(source + ": must be a YAML mapping of sections, not " + root.getNodeType());
        }
        Path baseDir = source.getParent();
        PersistenceConfig persistence = new PersistenceSection(root.get("persistence"), baseDir).read();
        JsonNode sinks = root.get("sinks");
        if (sinks == null || sinks.isNull()) {
            sinks = JsonNodeFactory.instance.objectNode();
        } else if (!sinks.isObject()) {
            throw new ConfigException("sinks", sinks.asText(), "must be a mapping of sink sections");
        }
        return new AppConfig(persistence, sinks, source);
    }

    /** The Go agent's defaults on {@code storeDir} and no sinks: running without a config file. */
    public static AppConfig defaults(Path storeDir) {
        return new AppConfig(PersistenceConfig.defaults(storeDir), JsonNodeFactory.instance.objectNode(), null);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
