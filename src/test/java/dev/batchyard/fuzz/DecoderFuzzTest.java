package dev.batchyard.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.batchyard.config.ConfigFile;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.binary.BinaryEntriesCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of everything that reads bytes from outside: the Go batch-file reader,
 * the entries codec and the config loader. Only the project's own clear exceptions may escape;
 * anything else (an index error, a NullPointerException, an OutOfMemoryError from a lying length)
 * is a bug. In {@code ./mvnw verify} these run the saved inputs under {@code src/test/resources}
 * (regression mode); {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=DecoderFuzzTest} fuzzes.
 */
class DecoderFuzzTest {
    private static final GoBatchFormat GO = new GoBatchFormat(new GoJson());
    private static final BinaryEntriesCodec CODEC = new BinaryEntriesCodec();

    @FuzzTest(maxDuration = "60s")
    void goBatchReaderOnlyRejectsWithItsOwnErrors(byte[] file) {
        try {
            GO.read(file);
        } catch (IOException | IllegalArgumentException expected) {
            // the reader's classified rejections (not JSON, cut short, not a batch ...)
        }
    }

    @FuzzTest(maxDuration = "60s")
    void entriesCodecOnlyRejectsWithItsOwnErrors(byte[] stored) {
        try {
            CODEC.decode(stored);
        } catch (IllegalArgumentException expected) {
            // "entries record: ..." names what is wrong
        }
    }

    @FuzzTest(maxDuration = "60s")
    void configLoaderOnlyRejectsWithConfigErrors(byte[] yaml) throws IOException {
        Path file = Files.createTempFile("batchyard-fuzz", ".yaml");
        try {
            Files.write(file, yaml);
            ConfigFile.load(file);
        } catch (ConfigException expected) {
            // names the key, the value and what is allowed
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
