package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and finds segment files: {@code segments/<20-digit id>.seg}, on the store's {@link Disk},
 * which every part of the store reaches through here.
 */
final class SegmentFiles {
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

    private final Path directory;
    private final Disk disk;

    SegmentFiles(Path storeDirectory, Disk disk) {
        this.directory = storeDirectory.resolve("segments");
        this.disk = disk;
    }

    Path directory() {
        return directory;
    }

    Disk disk() {
        return disk;
    }

    Path path(long segmentId) {
        return directory.resolve(String.format(Locale.ROOT, "%020d.seg", segmentId));
    }

    /** Segment ids present, ascending. Files that are not segments are left alone. */
    List<Long> list() throws IOException {
        List<Long> ids = new ArrayList<>();
        for (Path p : disk.list(directory)) {
            Matcher m = NAME.matcher(p.getFileName().toString());
            if (m.matches()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Bytes of all segment files, or -1 if the directory cannot be read. */
    long totalBytes() {
        try {
            long total = 0;
            for (long id : list()) {
                total += disk.size(path(id));
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Files in the segments directory that are not segments (reported, never touched). */
    List<Path> strangers() throws IOException {
        return disk.list(directory).stream().filter(p -> !NAME.matcher(p.getFileName().toString()).matches()
                && !p.getFileName().toString().endsWith(".tmp")).toList();
    }

    /** fsync the segments directory, so a segment created, deleted or moved away survives power loss. */
    void syncDirectory() throws IOException {
        disk.syncDirectory(directory);
    }
}
