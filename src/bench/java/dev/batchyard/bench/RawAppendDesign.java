package dev.batchyard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The limit: the pre-encoded entries appended with ideal group commit ({@link GroupCommitLog});
 * success and failure append a 64-byte marker. Nothing can be found again, so nothing is wasted.
 */
final class RawAppendDesign implements Design {
    private final GroupCommitLog log;

    RawAppendDesign(Path directory) throws IOException {
        this(directory, new CommitStats());
    }

    RawAppendDesign(Path directory, CommitStats stats) throws IOException {
        this(directory, stats, 0);
    }

    private RawAppendDesign(Path directory, CommitStats stats, long preWrittenBytes) throws IOException {
        log = new GroupCommitLog(Files.createDirectories(directory).resolve("raw.log"), stats, preWrittenBytes);
    }

    static Design.Factory factory() {
        return new Design.Factory() {
            @Override
            public String name() {
                return "raw-limit";
            }

            @Override
            public Design open(Path dir) throws IOException {
                return new RawAppendDesign(dir);
            }
        };
    }

    /**
     * The same limit into a file of {@code bytes} zeros written before the run: the disk's overwrite
     * limit, the stricter reference for a store whose segments are pre-written (issue 23).
     */
    static Design.Factory preWritten(long bytes) {
        return new Design.Factory() {
            @Override
            public String name() {
                return PRE_WRITTEN;
            }

            @Override
            public Design open(Path dir) throws IOException {
                return new RawAppendDesign(dir, new CommitStats(), bytes);
            }
        };
    }

    static final String PRE_WRITTEN = "raw-prewritten";

    @Override
    public void persist(String id, Sample batch) {
        log.appendDurably(batch.smile());
    }

    @Override
    public void succeed(String id) {
        log.appendDurably(marker('S', id));
    }

    @Override
    public void fail(String id, String reason) {
        log.appendDurably(marker('F', id));
    }

    private static byte[] marker(char kind, String id) {
        byte[] out = new byte[64];
        byte[] text = (kind + id).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, out, 0, Math.min(text.length, out.length));
        return out;
    }

    @Override
    public void close() {
        log.close();
    }
}
