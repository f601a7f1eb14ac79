package dev.batchyard.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.batchyard.codec.gojson.JsonShapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one {@code batch_<id>.json} and classifies it: a batch, or a {@link BatchFileProblem}
 * with a detail that names the place. Never throws for a bad file (a directory of them is
 * normal after the Go agent crashed) and never changes the file. Thread-safe.
 */
public final class GoBatchReader {
    private final GoBatchFormat format;

    public GoBatchReader(GoBatchFormat format) {
        this.format = format;
    }

    public BatchFileResult read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.UNREADABLE, String.valueOf(e));
        }
        return classify(file, bytes);
    }

    /** Classifies the contents {@code bytes} of {@code file} (already read). */
    public BatchFileResult classify(Path file, byte[] bytes) {
        if (isBlank(bytes)) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.EMPTY,
                    bytes.length == 0 ? "0 bytes" : bytes.length + " bytes of whitespace");
        }
        GoBatchFile batch;
        try {
            batch = format.read(bytes);
        } catch (JsonShapeException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.NOT_A_BATCH, e.getMessage());
        } catch (JsonEOFException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.CUT_SHORT,
                    "ends after " + bytes.length + " bytes: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return atEnd(e, bytes.length)
                    ? new BatchFileResult.Rejected(file, BatchFileProblem.CUT_SHORT,
                            "ends after " + bytes.length + " bytes: " + e.getOriginalMessage())
                    : new BatchFileResult.Rejected(file, BatchFileProblem.NOT_JSON, oneLine(e));
        } catch (IOException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.NOT_JSON, String.valueOf(e));
        }
        String expected = GoBatchDirectory.fileNameFor(batch.id());
        if (!expected.equals(file.getFileName().toString())) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.ID_MISMATCH,
                    "holds batch id '" + batch.id() + "', whose file would be " + expected);
        }
        return new BatchFileResult.Loaded(file, batch);
    }

    /** A token that runs into the end of the file ({@code tru}, {@code 12.}) is a cut, not bad JSON. */
    private static boolean atEnd(JsonProcessingException e, int length) {
        return e.getLocation() != null && e.getLocation().getByteOffset() >= length;
    }

    private static String oneLine(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return e.getOriginalMessage().replace('\n', ' ') + where;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
