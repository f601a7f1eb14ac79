package dev.batchyard.engine.store;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment-sized file of zeros, written and forced ahead of time, for the log's next segment
 * (docs/architecture.md, "Pre-written segments").
 *
 * <p><b>Why.</b> A group commit's {@code fdatasync} after writes that grow a file must also commit
 * the file's new size and its new blocks (on ext4 a journal commit); after writes over blocks that
 * are already written it commits only the data. On this project's machines that made a group commit
 * 1.3-3 times cheaper, zeroing included (docs/benchmarks.md). PostgreSQL pre-writes its WAL segments
 * for the same reason.
 *
 * <p><b>How.</b> {@link GroupWriter} asks for a spare ({@link #prepare}) once its first segment is
 * half full and at every group after its first roll, and takes it ({@link #take}) when it starts the
 * next segment. A thread of this object's own writes the zeros under a name the store ignores
 * ({@value #NAME}), so a crash can leave it behind but never in the log. It writes them around the
 * page cache and reads them back ({@link #writeDirect}), or through the cache on a file system that
 * refuses direct I/O. When no spare is ready the writer creates the segment as before, growing as
 * it is written: a spare only ever makes a commit cheaper, never later. A spare that cannot be
 * written (a full disk) is deleted and logged, and the log goes on without it.
 *
 * <p>Thread-safe. The thread starts at the first {@link #prepare}: a store that never fills half a
 * segment never writes a spare; one that rolled keeps one on disk beside its segments.
 */
final class SpareSegment implements AutoCloseable {
    static final String NAME = "spare.seg.tmp";
    private static final Logger LOG = LoggerFactory.getLogger(SpareSegment.class);
    private static final int ZEROS = 1 << 20;
    /** Direct I/O wants buffers, offsets and lengths on block boundaries: 4 KiB covers the usual disks. */
    private static final int ALIGNMENT = 4096;

    private final SegmentFiles files;
    private final long bytes;
    private ExecutorService worker; // guarded by this, made at the first prepare
    private Future<Path> pending; // guarded by this: the spare being written or ready, not yet taken
    private boolean closed; // guarded by this
    // the worker's own, made when first needed: direct buffers (a heap one is copied into a direct one on
    // every write), the zeros aligned for direct I/O and never read into; the read back's only where direct I/O is
    private ByteBuffer zeros;
    private ByteBuffer readBack;
    private boolean direct; // the worker's own: false when the size is not aligned or the file system refused it

    /** @param bytes the size of a segment: a spare as large as the log's segments */
    SpareSegment(SegmentFiles files, long bytes) {
        this.files = files;
        this.bytes = bytes;
        this.direct = bytes % ALIGNMENT == 0;
    }

    /** Where a spare lives until the writer takes it. */
    static Path path(SegmentFiles files) {
        return files.directory().resolve(NAME);
    }

    /** Starts writing a spare unless one is being written or waits to be taken. Returns at once. */
    synchronized void prepare() {
        if (closed || pending != null) {
            return;
        }
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "batchyard-segment-spare");
                t.setDaemon(true);
                return t;
            });
        }
        pending = worker.submit(this::write);
    }

    /** The spare's path if one is written and forced, for the caller to move into place; else null. */
    synchronized Path take() {
        if (pending == null || !pending.isDone()) {
            return null;
        }
        Future<Path> done = pending;
        pending = null;
        try {
            return done.get();
        } catch (ExecutionException e) {
            LOG.warn("could not write a spare segment in {} ({}); the next segment grows as it is written instead",
                    files.directory(), e.getCause().toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Path write() throws IOException {
        Disk disk = files.disk();
        Path file = path(files);
        disk.deleteIfExists(file); // left by a crash, or by a spare that failed half-way
        if (zeros == null) {
            zeros = ByteBuffer.allocateDirect(ZEROS + ALIGNMENT).alignedSlice(ALIGNMENT);
        }
        Exception refused = null;
        if (direct) {
            try {
                writeDirect(disk, file);
                return file;
            } catch (ClosedByInterruptException e) { // closing
                disk.deleteIfExists(file);
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                refused = e;
                disk.deleteIfExists(file);
            }
        }
        try (FileChannel ch = disk.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            fill(ch);
            ch.force(false); // else the first commit into it would write the zeros out
        } catch (IOException | RuntimeException e) {
            disk.deleteIfExists(file);
            throw e;
        }
        if (refused != null) { // the disk takes writes, not direct ones (tmpfs before Linux 6.6): do not ask again
            direct = false;
            LOG.info("the spare segments in {} are written through the page cache: direct I/O failed ({})",
                    files.directory(), refused.toString());
        }
        return file;
    }

    /**
     * Writes the zeros around the page cache ({@code O_DIRECT}), forces them, then reads the file
     * back. Through the cache, the kernel's work for each page written (allocate it, account it dirty,
     * write it back) cost this thread 16-34 us per batch the log wrote, with sixteen producers on two
     * cores; around it the write costs 0.1 ns a byte, and with the read 8-10 us a batch
     * (docs/benchmarks.md, "Zeros written around the page cache"). The read is not optional: it
     * leaves the pages in the cache, clean. Without them, the log's first write to part of a page
     * read the page from disk inside a group commit, and a lone producer's {@code LogStore.put} did
     * 1,400-3,600 a second instead of 4,800.
     */
    private void writeDirect(Disk disk, Path file) throws IOException {
        try (FileChannel ch = disk.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                ExtendedOpenOption.DIRECT)) {
            fill(ch);
            ch.force(false);
        }
        if (readBack == null) {
            readBack = ByteBuffer.allocateDirect(ZEROS);
        }
        try (FileChannel ch = disk.open(file, StandardOpenOption.READ)) {
            long at = 0;
            while (at < bytes) {
                readBack.clear().limit((int) Math.min(ZEROS, bytes - at));
                int read = ch.read(readBack, at);
                if (read < 0) {
                    throw new IOException(file + " ended at " + at + " of its " + bytes + " bytes of zeros");
                }
                at += read;
            }
        }
    }

    /** Writes the zeros over and over from the file's start to {@link #bytes}. */
    private void fill(FileChannel ch) throws IOException {
        long at = 0;
        while (at < bytes) {
            zeros.clear().limit((int) Math.min(ZEROS, bytes - at));
            while (zeros.hasRemaining()) {
                at += ch.write(zeros, at);
            }
        }
    }

    /** Stops the thread (a spare being written is abandoned) and deletes the spare not taken. */
    @Override
    public void close() {
        ExecutorService stopping;
        synchronized (this) {
            closed = true;
            pending = null;
            stopping = worker;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            files.disk().deleteIfExists(path(files));
        } catch (IOException e) {
            LOG.warn("could not delete the spare segment {}: {}", path(files), e.toString());
        }
    }
}
