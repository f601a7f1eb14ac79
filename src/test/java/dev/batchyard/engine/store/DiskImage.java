package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What a {@link PowerCutDisk} held after a power cut (or before its first use): files and
 * directories, all durable, and the record of what the cuts so far took away that nothing has
 * repaired since: byte ranges of each file ({@link #damage}) and names ({@link #lostName}). A damage
 * report from a store opened on it is true only if it points at something in that record.
 * Immutable: each {@link #disk} works on its own copy.
 */
public final class DiskImage {
    private final SimulatedDirectory root;
    private final Set<Path> lostNames;
    private final LossKind kind;
    private final CutCounts counts;

    DiskImage(SimulatedDirectory root, Set<Path> lostNames, LossKind kind, CutCounts counts) {
        this.root = root;
        this.lostNames = Set.copyOf(lostNames);
        this.kind = kind;
        this.counts = counts;
    }

    /** A disk holding only the (durable, empty) directory {@code dir} and its parents. */
    public static DiskImage empty(Path dir) {
        SimulatedDirectory root = new SimulatedDirectory();
        SimulatedDirectory at = root;
        for (Path name : dir.toAbsolutePath()) {
            SimulatedDirectory next = new SimulatedDirectory();
            at.add(name.toString(), next);
            at = next;
        }
        return new DiskImage(root, Set.of(), null, new CutCounts());
    }

    /**
     * A disk starting from this image, whose power is cut instead of its {@code cutAt}-th change
     * (a write, force, truncation, name change or directory sync; 1 is the first), losing what is
     * unsynced then as {@code kind} says, with choices drawn from {@code random}.
     */
    public PowerCutDisk disk(long cutAt, LossKind kind, Random random) {
        return new PowerCutDisk(root.copy(), lostNames, cutAt, kind, random);
    }

    /** A disk from this image whose power is never cut by itself ({@link PowerCutDisk#cutNow} still cuts it). */
    public PowerCutDisk disk(LossKind kind, Random random) {
        return disk(Long.MAX_VALUE, kind, random);
    }

    public boolean exists(Path path) {
        return root.find(path) != null;
    }

    /** The content of a file, or null when there is none. */
    public byte[] read(Path file) {
        return root.find(file) instanceof SimulatedFile f ? f.content() : null;
    }

    /** The ranges of {@code file} that cuts lost or tore and nothing rewrote since (empty if none, or no such file). */
    public List<ByteRange> damage(Path file) {
        return root.find(file) instanceof SimulatedFile f ? f.damage() : List.of();
    }

    /** Whether {@code path} existed before a cut and the cut took it away (and it has not come back). */
    public boolean lostName(Path path) {
        return lostNames.contains(path);
    }

    /** The kind of loss of the cut that made this image (null for an image no cut made). */
    public LossKind kind() {
        return kind;
    }

    public CutCounts counts() {
        return counts;
    }

    /** Writes the image under {@code target} on the real disk, to look at with the usual tools. */
    public void writeTo(Path target) throws IOException {
        write(root, target);
    }

    private static void write(SimulatedDirectory dir, Path target) throws IOException {
        Files.createDirectories(target);
        for (var entry : dir.live.entrySet()) {
            Path path = target.resolve(entry.getKey());
            if (entry.getValue() instanceof SimulatedFile f) {
                Files.write(path, f.content());
            } else {
                write((SimulatedDirectory) entry.getValue(), path);
            }
        }
    }
}
