package dev.batchyard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.batchyard.model.GoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go agent's persistence directory: every {@code batch_*.json}, in name order, read and
 * classified the way the Go agent's own start-up scan would skip them (empty, cut short by a
 * crash, not JSON, not a batch). Only reads; never changes or deletes a file.
 */
final class GoDirectory {
    private final Path directory;
    private final GoBatchReader reader;

    GoDirectory(Path directory, GoJson goJson) {
        this.directory = directory;
        this.reader = new GoBatchReader(goJson);
    }

    List<GoFile> scan() {
        if (!Files.isDirectory(directory)) {
            throw new CliException("no such directory: " + directory);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "batch_*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        files.sort(null);
        return files.stream().filter(Files::isRegularFile).map(this::read).toList();
    }

    private GoFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return GoFile.skipped(file, "import.skip.unreadable", e.toString());
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return GoFile.skipped(file, "import.skip.empty", "");
        }
        try {
            return GoFile.read(file, reader.read(bytes));
        } catch (JsonEOFException e) {
            return GoFile.skipped(file, "import.skip.cutShort", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return GoFile.skipped(file, "import.skip.notJson", e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            // JsonShapeException, or a value the model refuses: valid JSON, but not a Go batch
            return GoFile.skipped(file, "import.skip.notBatch", e.getMessage());
        } catch (IOException e) {
            return GoFile.skipped(file, "import.skip.unreadable", e.toString());
        }
    }
}
