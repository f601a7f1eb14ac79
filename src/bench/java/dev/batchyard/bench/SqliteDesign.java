package dev.batchyard.bench;

import dev.batchyard.codec.binary.BinaryEntriesCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite (WAL, {@code synchronous=FULL}): one row per batch, entries as a blob in the store's own
 * codec (the most compact encoding SQLite could get; encoded by the caller's thread, as Batchyard does). One connection, one writer at a time:
 * SQLite admits one writer, and a single serialised connection beats threads spinning in the busy
 * handler. Each call is its own transaction, so each pays its own WAL fsync (no group commit).
 */
final class SqliteDesign implements Design {
    private final Connection db;
    private final ReentrantLock writer = new ReentrantLock();
    private final BinaryEntriesCodec codec = new BinaryEntriesCodec();
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement delete;

    SqliteDesign(Path directory) throws Exception {
        Files.createDirectories(directory);
        db = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("batches.db"));
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE IF NOT EXISTS batch (id TEXT PRIMARY KEY, sink TEXT NOT NULL, "
                    + "created_at TEXT NOT NULL, last_attempt TEXT, retry_count INTEGER NOT NULL, "
                    + "failure_reason TEXT, context TEXT, entry_count INTEGER NOT NULL, entries BLOB NOT NULL)");
        }
        insert = db.prepareStatement("INSERT INTO batch VALUES (?, ?, ?, NULL, 0, '', ?, ?, ?)");
        update = db.prepareStatement("UPDATE batch SET retry_count = retry_count + 1, failure_reason = ?, "
                + "last_attempt = ? WHERE id = ?");
        delete = db.prepareStatement("DELETE FROM batch WHERE id = ?");
    }

    static Design.Factory factory() {
        return new Design.Factory() {
            @Override
            public String name() {
                return "sqlite-wal-full";
            }

            @Override
            public Design open(Path dir) throws Exception {
                return new SqliteDesign(dir);
            }
        };
    }

    @Override
    public void persist(String id, Sample batch) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        byte[] entries = codec.encode(batch.entries());
        run(() -> {
            insert.setString(1, id);
            insert.setString(2, SamplePool.SINK);
            insert.setString(3, now);
            insert.setString(4, "{\"created_by\":\"batch_persistence\"}");
            insert.setInt(5, batch.entries().size());
            insert.setBytes(6, entries);
            insert.executeUpdate();
        });
    }

    @Override
    public void succeed(String id) {
        run(() -> {
            delete.setString(1, id);
            delete.executeUpdate();
        });
    }

    @Override
    public void fail(String id, String reason) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        run(() -> {
            update.setString(1, reason);
            update.setString(2, now);
            update.setString(3, id);
            update.executeUpdate();
        });
    }

    private void run(SqlAction action) {
        writer.lock();
        try {
            action.run();
        } catch (SQLException e) {
            throw new IllegalStateException("sqlite: " + e.getMessage(), e);
        } finally {
            writer.unlock();
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing sqlite: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
