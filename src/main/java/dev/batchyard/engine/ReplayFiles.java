package dev.batchyard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A throttled replay's plan and progress, durable in the store directory, so that {@code serve}, the
 * window and the CLI see the same replay and a restart takes it up where it stopped.
 *
 * <pre>
 * replay.json                   the plan, written once, whole or not at all (temp file, force, atomic
 *                               rename, directory sync):
 *   {"version":1,"plan":"&lt;uuid&gt;","action":"requeue","sink":null,"rate":20.0,"by":"ana",
 *    "at":"2026-12-02T07:00:00Z","ids":["b-1",...]}
 * replay-&lt;uuid&gt;.log            its progress, append-only, one line each:
 *   take N                      batch N (0-based, in plan order) is being taken: forced BEFORE its step
 *   done N ok|REASON            its step's answer: not forced (lost at a crash, N is then uncertain)
 *   pause ACTOR | resume ACTOR | cancel ACTOR | end      forced
 * </pre>
 *
 * <p><b>Guarantees.</b> A batch is taken at most once by a plan: its {@code take} line is on disk
 * before its step starts, and a restart goes on after the last {@code take}. A crash between a
 * {@code take} and its step leaves that batch untouched by the replay and listed as uncertain; a crash
 * after the step and before {@code done} leaves it acted on and listed as uncertain. The replay itself
 * therefore never sends a batch twice; the recovery loop's own at-least-once delivery (a batch whose
 * sink answered but whose success was not yet recorded is sent again) is as it always was. A new plan
 * has a new progress file: the plan file is renamed over the old one first and the old progress file
 * removed after, so a crash in between leaves either the old plan with its progress or the new one
 * with none. A last progress line cut short by a crash is ignored (it was not acknowledged).
 *
 * <p>Not thread-safe: {@link ThrottledReplay} calls it under its lock. Plain files, not the store's
 * {@code Disk}: the power-loss simulation does not cover them.
 */
final class ReplayFiles {
    static final String PLAN = "replay.json";
    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();
    private FileChannel progress;

    /** A stored plan. */
    record Plan(String id, ReplayRequest request, String by, Instant at) {
    }

    /** What a progress file says. */
    record Progress(int taken, List<Integer> uncertain, int refused, ReplayStatus.State state) {
    }

    ReplayFiles(Path directory) {
        this.directory = directory;
    }

    Optional<Plan> plan() {
        Path file = directory.resolve(PLAN);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = json.readTree(file.toFile());
            List<String> ids = new ArrayList<>();
            n.path("ids").forEach(id -> ids.add(id.asText()));
            ReplayRequest request = new ReplayRequest(ReplayRequest.Action.valueOf(n.path("action").asText()
                    .toUpperCase(java.util.Locale.ROOT)), ids, n.path("sink").isTextual() ? n.path("sink").asText() : null,
                    n.path("rate").asDouble());
            return Optional.of(new Plan(n.path("plan").asText(), request, n.path("by").asText(),
                    Instant.parse(n.path("at").asText())));
        } catch (IOException | RuntimeException e) {
            throw new StoreException("the replay plan " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Makes {@code request} the store's plan, replacing any other (see the class comment for the order). */
    Plan write(ReplayRequest request, String by, Instant at) {
        Optional<Plan> old = plan();
        Plan plan = new Plan(UUID.randomUUID().toString(), request, by, at);
        ObjectNode n = json.createObjectNode().put("version", 1).put("plan", plan.id())
                .put("action", request.action().code()).put("sink", request.sink()).put("rate", request.rate())
                .put("by", by).put("at", at.toString());
        request.ids().forEach(n.putArray("ids")::add);
        Path temp = directory.resolve(PLAN + ".new");
        try {
            closeProgress();
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                write(out, json.writeValueAsString(n));
                out.force(true);
            }
            Files.move(temp, directory.resolve(PLAN), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            if (old.isPresent()) {
                Files.deleteIfExists(progressFile(old.get()));
            }
            return plan;
        } catch (IOException e) {
            throw new StoreException("cannot write the replay plan " + directory.resolve(PLAN) + ": " + e, e);
        }
    }

    /** Reads {@code plan}'s progress (none yet: nothing taken). */
    Progress progress(Plan plan) {
        Path file = progressFile(plan);
        int taken = 0;
        int refused = 0;
        List<Integer> open = new ArrayList<>();
        ReplayStatus.State state = ReplayStatus.State.RUNNING;
        if (Files.exists(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException("cannot read the replay progress " + file + ": " + e, e);
            }
            int end = text.lastIndexOf('\n') + 1; // a last line without its line break was cut by a crash
            for (String line : text.substring(0, end).split("\n")) {
                String[] parts = line.split(" ", 3);
                switch (parts[0]) {
                    case "take" -> {
                        taken = Integer.parseInt(parts[1]) + 1;
                        open.add(Integer.parseInt(parts[1]));
                    }
                    case "done" -> {
                        open.remove(Integer.valueOf(parts[1]));
                        refused += "ok".equals(parts[2]) ? 0 : 1;
                    }
                    case "pause" -> state = ReplayStatus.State.PAUSED;
                    case "resume" -> state = ReplayStatus.State.RUNNING;
                    case "cancel" -> state = ReplayStatus.State.CANCELLED;
                    case "end" -> state = ReplayStatus.State.FINISHED;
                    default -> { } // an empty file
                }
            }
        }
        return new Progress(taken, open, refused, state);
    }

    /** Appends one line to {@code plan}'s progress; {@code force}d lines are on disk on return. */
    void append(Plan plan, String line, boolean force) {
        try {
            if (progress == null) {
                boolean torn = endsInACutLine(progressFile(plan));
                progress = FileChannel.open(progressFile(plan), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                syncDirectory();
                if (torn) {
                    write(progress, "\n"); // a line a crash cut short stays ignored; the next starts on its own line
                }
            }
            write(progress, line + "\n");
            if (force) {
                progress.force(false);
            }
        } catch (IOException e) {
            throw new StoreException("cannot append to the replay progress " + progressFile(plan) + ": " + e, e);
        }
    }

    private static boolean endsInACutLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return in.size() > 0 && in.read(last, in.size() - 1) == 1 && last.get(0) != '\n';
        }
    }

    void closeProgress() throws IOException {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }

    private Path progressFile(Plan plan) {
        return directory.resolve("replay-" + plan.id() + ".log");
    }

    private static void write(FileChannel out, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
