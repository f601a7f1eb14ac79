package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test-only: copy a store aside and print the log records of one batch. */
public final class StoreDebug {
    private StoreDebug() {
    }

    public static void copy(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            Files.createDirectories(to);
            StoreFiles.copyTree(from, to);
        }
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        String id = args[1];
        SegmentFiles files = new SegmentFiles(store, Disk.local());
        for (long seg : files.list()) {
            SegmentScanner.scan(Disk.local(), files.path(seg), seg, (s, off, len, type, buf, from, length) -> {
                StoreRecord rec = RecordCodec.decode(type, buf, from, length, false);
                if (rec.id().equals(id)) {
                    String what = rec instanceof StoreRecord.Put p ? "PUT retries=" + p.meta().retryCount()
                            : rec instanceof StoreRecord.MetaUpdate m ? "META retries=" + m.meta().retryCount() : "REMOVE";
                    System.out.println("seg " + s + " @" + off + " " + what);
                }
            });
        }
        Checkpoint.Snapshot snap = Checkpoint.read(Disk.local(), store, new Canonicals());
        if (snap != null) {
            System.out.println("checkpoint at seg " + snap.segmentId() + " @" + snap.offset() + ": "
                    + snap.batches().stream().filter(b -> b.id().equals(id)).map(b -> b.location() + " retries=" + b.meta().retryCount()).toList());
        }
    }
}
