package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file channel that fails on cue: after {@code writesLeft} successful writes the next write
 * writes half its bytes and throws; after {@code forcesLeft} successful forces the next force
 * throws. The error text is the OS's (ENOSPC, EIO), as a real full or broken disk gives it. While
 * a {@linkplain Plan#stallWrites stall} is set, every gathering write (the log's) waits for it.
 */
public final class FaultyChannel extends FileChannel {

    /** The shared plan for every channel a test opens (the engine's tests too). Negative counts never fail. */
    public static final class Plan {
        public final AtomicInteger writesLeft = new AtomicInteger(-1);
        public final AtomicInteger forcesLeft = new AtomicInteger(-1);
        public volatile String error = "No space left on device";
        /** While set and not counted down, the log's writes wait: a slow disk holding a group in flight. */
        public volatile java.util.concurrent.CountDownLatch stallWrites;

        /**
         * The local disk, with every segment the log writes (a {@code .seg} file opened to write,
         * created or pre-written) on a faulty channel; the spare segment being written is not.
         */
        public Disk disk() {
            Plan plan = this;
            return new ForwardingDisk(Disk.local()) {
                @Override
                public FileChannel open(java.nio.file.Path file, java.nio.file.OpenOption... options) throws IOException {
                    FileChannel real = super.open(file, options);
                    return java.util.Arrays.asList(options).contains(java.nio.file.StandardOpenOption.WRITE)
                            && file.getFileName().toString().endsWith(".seg") ? new FaultyChannel(real, plan) : real;
                }
            };
        }
    }

    private final FileChannel real;
    private final Plan plan;

    FaultyChannel(FileChannel real, Plan plan) {
        this.real = real;
        this.plan = plan;
    }

    private static boolean due(AtomicInteger left) {
        return left.get() >= 0 && left.getAndDecrement() == 0;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (due(plan.writesLeft)) {
            ByteBuffer half = src.duplicate();
            half.limit(src.position() + src.remaining() / 2);
            real.write(half, position);
            throw new IOException(plan.error);
        }
        return real.write(src, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return write(src, real.position());
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (due(plan.forcesLeft)) {
            throw new IOException(plan.error);
        }
        real.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        java.util.concurrent.CountDownLatch stall = plan.stallWrites;
        if (stall != null) {
            try {
                stall.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("stalled write interrupted");
            }
        }
        if (due(plan.writesLeft)) {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += srcs[i].remaining();
            }
            long half = total / 2; // a torn gathering write: the first half of its bytes land
            long at = real.position();
            for (int i = offset; i < offset + length && half > 0; i++) {
                ByteBuffer part = srcs[i].duplicate();
                part.limit(part.position() + (int) Math.min(part.remaining(), half));
                half -= part.remaining();
                at += real.write(part, at);
            }
            throw new IOException(plan.error);
        }
        return real.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return real.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
