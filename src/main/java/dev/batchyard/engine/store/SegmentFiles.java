package dev.batchyard.engine.store;

import java.util.Locale;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names and finds segment files: {@code segments/<20-digit id>.seg}. */
final class SegmentFiles {
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

    private final Path directory;

    SegmentFiles(Path storeDirectory) {
        this.directory = storeDirectory.resolve("segments");
    }

    Path directory() {
        return directory;
    }

    Path path(long segmentId) {
        return directory.resolve(String.format(Locale.ROOT, "%020d.seg", segmentId));
    }

    /** Segment ids present, ascending. Files that are not segments are left alone. */
    List<Long> list() throws IOException {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            });
        }
        ids.sort(null);
        return ids;
    }

    /** Bytes of all segment files, or -1 if the directory cannot be read. */
    long totalBytes() {
        try {
            long total = 0;
            for (long id : list()) {
                total += Files.size(path(id));
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Files in the segments directory that are not segments (reported, never touched). */
    List<Path> strangers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> !NAME.matcher(p.getFileName().toString()).matches()
                    && !p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** fsync a directory so a created, renamed or deleted entry survives power loss. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
