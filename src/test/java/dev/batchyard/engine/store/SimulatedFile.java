package dev.batchyard.engine.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One file of a {@link PowerCutDisk}: what the process sees (every write so far) apart from what is
 * durable (as of the last force), and the changes in between, page by page, in the order they were
 * made. A power cut keeps some of those changes according to a {@link LossKind} ({@link #survivor}).
 * It also remembers which byte ranges of its durable content earlier cuts lost or tore, so a damage
 * report about it can be checked. Not thread-safe: the disk serialises every call.
 */
final class SimulatedFile implements SimulatedNode {
    static final int PAGE = 4096;

    private sealed interface Change permits Write, Truncate {
    }

    /** New bytes at {@code offset}, never crossing a page boundary. */
    private record Write(long offset, byte[] bytes) implements Change {
        ByteRange range() {
            return new ByteRange(offset, offset + bytes.length);
        }
    }

    private record Truncate(long size) implements Change {
    }

    private final Content live;
    private final Content durable;
    private final List<Change> unsynced = new ArrayList<>();
    private final List<ByteRange> damage;

    SimulatedFile() {
        this(new Content(), new ArrayList<>());
    }

    private SimulatedFile(Content survived, List<ByteRange> damage) {
        this.live = survived.copy();
        this.durable = survived;
        this.damage = damage;
    }

    long size() {
        return live.size;
    }

    /** Reads from the live content; -1 at the end. */
    int read(long position, ByteBuffer dst) {
        if (position >= live.size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), live.size - position);
        dst.put(live.data, (int) position, n);
        return n;
    }

    void write(long position, byte[] bytes) {
        live.put(position, bytes, 0, bytes.length);
        for (int from = 0; from < bytes.length; ) {
            long at = position + from;
            int length = (int) Math.min(bytes.length - from, PAGE - at % PAGE);
            unsynced.add(new Write(at, Arrays.copyOfRange(bytes, from, from + length)));
            from += length;
        }
    }

    void truncate(long size) {
        if (size < live.size) {
            live.resize(size);
            unsynced.add(new Truncate(size));
        }
    }

    /** Everything written so far becomes durable. */
    void force() {
        for (Change change : unsynced) {
            apply(change, durable, damage);
        }
        unsynced.clear();
    }

    /** Whether anything written since the last force is still waiting for one. */
    boolean unsynced() {
        return !unsynced.isEmpty();
    }

    /** The byte ranges of this file's durable content that earlier cuts lost or tore. */
    List<ByteRange> damage() {
        return List.copyOf(damage);
    }

    /** The live content. */
    byte[] content() {
        return Arrays.copyOf(live.data, (int) live.size);
    }

    /** A copy for a new disk: the same content, all of it durable, with the same damage record. */
    SimulatedFile copy() {
        return new SimulatedFile(live.copy(), new ArrayList<>(damage));
    }

    /**
     * What is on the platter after a power cut now: the durable content plus the unsynced changes
     * {@code kind} keeps, all of it durable in the result. Every change lost or torn, and any part
     * of the live file beyond the survivor's end, joins the survivor's damage record.
     */
    SimulatedFile survivor(LossKind kind, Random random, CutCounts counts) {
        Content out = durable.copy();
        List<ByteRange> lost = new ArrayList<>(damage);
        int n = unsynced.size();
        int keep = switch (kind) {
            case ALL, RENAME_WITHOUT_DATA -> 0;
            case PREFIX -> random.nextInt(n + 1);
            case TORN -> n == 0 ? 0 : random.nextInt(n);
            case REORDER -> -1;
        };
        for (int i = 0; i < n; i++) {
            Change change = unsynced.get(i);
            boolean kept = kind == LossKind.REORDER ? random.nextBoolean() : i < keep;
            if (kept) {
                apply(change, out, lost);
                counts.pagesKept++;
            } else if (kind == LossKind.TORN && i == keep && change instanceof Write w) {
                tear(w, out, random);
                lost.add(w.range());
                counts.pagesTorn++;
            } else if (change instanceof Write w) {
                lost.add(w.range());
                counts.pagesLost++;
            }
        }
        if (out.size < live.size) {
            lost.add(new ByteRange(out.size, live.size));
        }
        return new SimulatedFile(out, lost);
    }

    private static void apply(Change change, Content content, List<ByteRange> damage) {
        if (change instanceof Write w) {
            content.put(w.offset(), w.bytes(), 0, w.bytes().length);
            subtract(damage, w.range());
        } else if (change instanceof Truncate t) {
            content.resize(t.size());
            subtract(damage, new ByteRange(t.size(), Long.MAX_VALUE));
        }
    }

    /** A torn page: half of it old and half new (either half), or zeroed; the file grows to the write's end. */
    private static void tear(Write w, Content content, Random random) {
        long half = w.offset() - w.offset() % PAGE + PAGE / 2;
        long end = w.offset() + w.bytes().length;
        if (content.size < end) {
            content.resize(end);
        }
        switch (random.nextInt(3)) {
            case 0 -> { // the first half of the page made it
                int n = (int) Math.max(0, Math.min(w.bytes().length, half - w.offset()));
                content.put(w.offset(), w.bytes(), 0, n);
            }
            case 1 -> { // the second half made it
                int skip = (int) Math.max(0, Math.min(w.bytes().length, half - w.offset()));
                content.put(w.offset() + skip, w.bytes(), skip, w.bytes().length - skip);
            }
            default -> content.put(w.offset(), new byte[w.bytes().length], 0, w.bytes().length);
        }
    }

    private static void subtract(List<ByteRange> ranges, ByteRange cut) {
        List<ByteRange> out = new ArrayList<>(ranges.size() + 1);
        for (ByteRange r : ranges) {
            if (r.to() <= cut.from() || r.from() >= cut.to()) {
                out.add(r);
                continue;
            }
            if (r.from() < cut.from()) {
                out.add(new ByteRange(r.from(), cut.from()));
            }
            if (r.to() > cut.to()) {
                out.add(new ByteRange(cut.to(), r.to()));
            }
        }
        ranges.clear();
        ranges.addAll(out);
    }

    /** A growable byte array. */
    private static final class Content {
        byte[] data = new byte[0];
        long size;

        void put(long at, byte[] bytes, int from, int length) {
            if (at + length > size) {
                resize(at + length);
            }
            System.arraycopy(bytes, from, data, (int) at, length);
        }

        void resize(long newSize) {
            if (newSize > data.length) {
                data = Arrays.copyOf(data, (int) Math.max(newSize, Math.min(Integer.MAX_VALUE - 8, data.length * 2L)));
            } else if (newSize < size) {
                Arrays.fill(data, (int) newSize, (int) size, (byte) 0); // growing again later reads zeros
            }
            size = newSize;
        }

        Content copy() {
            Content c = new Content();
            c.data = Arrays.copyOf(data, (int) size);
            c.size = size;
            return c;
        }
    }
}
