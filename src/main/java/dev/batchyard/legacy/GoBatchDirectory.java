package dev.batchyard.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go agent's persistence directory: every {@code batch_*.json} in it, read-only. Files are
 * taken in name order so a scan is repeatable; nothing in the directory is created, changed or
 * deleted (the Go agent deletes expired files at start-up; an import must not). A symbolic link
 * named like a batch file is reported as rejected ({@link GoBatchReader}), never followed; other
 * entries that are not files (directories, pipes) are passed over.
 */
public final class GoBatchDirectory {
    private static final String PREFIX = "batch_";
    private static final String SUFFIX = ".json";

    private final GoBatchReader reader;

    public GoBatchDirectory(GoBatchReader reader) {
        this.reader = reader;
    }

    /** {@code batch_<id>.json}, as the Go agent names a batch's file. */
    public static String fileNameFor(String id) {
        return PREFIX + id + SUFFIX;
    }

    /** Every batch file and what reading it gave. */
    public record Scan(Path directory, List<BatchFileResult.Loaded> loaded, List<BatchFileResult.Rejected> rejected) {
        public Scan {
            loaded = List.copyOf(loaded);
            rejected = List.copyOf(rejected);
        }
    }

    /** @throws UncheckedIOException naming the directory when it cannot be listed */
    public Scan scan(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Go batch directory " + directory, e);
        }
        files.sort(null);
        List<BatchFileResult.Loaded> loaded = new ArrayList<>();
        List<BatchFileResult.Rejected> rejected = new ArrayList<>();
        for (Path f : files) {
            BatchFileResult r = reader.read(f);
            if (r instanceof BatchFileResult.Loaded l) {
                loaded.add(l);
            } else {
                rejected.add((BatchFileResult.Rejected) r);
            }
        }
        return new Scan(directory, loaded, rejected);
    }
}
