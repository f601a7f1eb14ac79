package dev.batchyard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.PersistenceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code config.yaml} in the Go agent's shape: the {@code persistence} section (see
 * {@link PersistenceSection}), the raw {@code sinks} section, and Batchyard's own {@code serve}
 * section ({@link ServeSection}); every other top-level section belongs to the Go agent and is
 * ignored.
 *
 * <p>A relative {@code persistence.directory} (the default is {@code ./batch_persistence}) is
 * resolved against the directory holding the config file, not the working directory, so the same
 * file finds the same store wherever Batchyard is started from.
 *
 * <p>Every error names the file: a YAML syntax error with its line and column, a bad value with
 * its key. A key given twice is refused, as the Go agent's YAML reader refuses it, rather than one
 * of the two silently winning.
 *
 * <p>Secrets need not be written in the file: values of {@code persistence}, {@code sinks} and {@code serve} may
 * use {@code ${VAR}} ({@link EnvSubstitution}), and {@code token_file}/{@code password_file} read a
 * credential from a file ({@link SecretFiles}). A file holding a credential that other users may
 * read is warned about in the log ({@link ReadableSecrets}).
 */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** @throws ConfigException naming the file, and the line and column or the key, value and what is allowed */
    public static AppConfig load(Path file) {
        return load(file, System::getenv);
    }

    /**
     * {@link #load(Path)} with {@code environment} for {@code ${VAR}} (a variable it maps to
     * {@code null} is unset).
     */
    public static AppConfig load(Path file, Function<String, String> environment) {
        Path source = file.toAbsolutePath().normalize();
        JsonNode root;
        try {
            root = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(Files.readAllBytes(source));
        } catch (JsonProcessingException e) {
            throw new ConfigException(syntaxError(e)).inFile(source);
        } catch (NoSuchFileException e) {
            throw new ConfigException("no such file").inFile(source);
        } catch (IOException e) {
            throw new ConfigException("cannot be read (" + e.getMessage() + ")").inFile(source);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException("must be a YAML mapping of sections, not " + root.getNodeType()).inFile(source);
        }
        try {
            ReadableSecrets readable = new ReadableSecrets();
            List<String> written = new ArrayList<>(ReadableSecrets.writtenIn(root.get("sinks"), "sinks"));
            written.addAll(ReadableSecrets.writtenIn(root.get("serve"), "serve"));
            readable.checkConfig(source, written);
            EnvSubstitution env = new EnvSubstitution(environment);
            JsonNode persistenceSection = env.apply(root.get("persistence"), "persistence");
            PersistenceConfig persistence = new PersistenceSection(persistenceSection, source.getParent()).read();
            JsonNode sinks = env.apply(root.get("sinks"), "sinks");
            if (sinks != null) {
                new SecretFiles(source.getParent(), readable).resolve(sinks, "sinks");
            }
            if (sinks == null || sinks.isNull()) {
                sinks = JsonNodeFactory.instance.objectNode();
            } else if (!sinks.isObject()) {
                throw new ConfigException("sinks", PersistenceSection.shown(sinks), "must be a mapping of sink sections");
            }
            JsonNode serveSection = env.apply(root.get("serve"), "serve");
            if (serveSection != null) {
                new SecretFiles(source.getParent(), readable).resolve(serveSection, "serve");
            }
            ServeSettings serve = new ServeSection(serveSection, source.getParent()).read();
            return new AppConfig(persistence, sinks, source, serve);
        } catch (ConfigException e) {
            throw e.inFile(source);
        }
    }

    /** The Go agent's defaults on {@code storeDir} and no sinks: running without a config file. */
    public static AppConfig defaults(Path storeDir) {
        return new AppConfig(PersistenceConfig.defaults(storeDir), JsonNodeFactory.instance.objectNode(), null);
    }

    /**
     * {@code ", line L, column C: not valid YAML: <problem>"}. The YAML scanner's own mark is the
     * place of the problem; the Jackson location can be a line earlier (where the token began).
     */
    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                && marked.getProblem() != null) {
            Mark at = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": not valid YAML: "
                    + marked.getProblem() + context;
        }
        String where = e.getLocation() == null ? ""
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
        return where + "not valid YAML: " + e.getOriginalMessage().replace('\n', ' ');
    }
}
