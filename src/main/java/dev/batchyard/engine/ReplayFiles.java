package dev.batchyard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.store.CorruptionListener;
import dev.batchyard.engine.store.StoreDamage;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.model.DamageKind;
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
import java.util.Locale;
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
 * <p><b>Damage.</b> A plan or progress file that cannot be read (cut short, garbage, a hand edit) does
 * not stop the store from opening: both files are renamed beside themselves with a {@code .damaged}
 * suffix (never deleted), reported as {@link DamageKind#REPLAY_DAMAGED} naming the file and what is
 * wrong, and the store has no replay. Its batches are untouched in the store, in whatever state the
 * replay left them; going on from an unreadable progress could take a batch twice. A read-only open
 * reports the damage and leaves the files where they are.
 *
 * <p>Not thread-safe: {@link ThrottledReplay} calls it under its lock. Plain files, not the store's
 * {@code Disk}: the power-loss simulation does not cover them.
 */
final class ReplayFiles {
    static final String PLAN = "replay.json";
    static final String DAMAGED = ".damaged";
    private final Path directory;
    private final CorruptionListener damage;
    private final boolean readOnly;
    private final ObjectMapper json = new ObjectMapper();
    private FileChannel progress;

    /** A stored plan. */
    record Plan(String id, ReplayRequest request, String by, Instant at) {
    }

    /** What a progress file says. */
    record Progress(int taken, List<Integer> uncertain, int refused, ReplayStatus.State state) {
    }

    /** Files in {@code directory} of a writable store whose damage nobody is told of (tests that write plans). */
    ReplayFiles(Path directory) {
        this(directory, damage -> { }, false);
    }

    /**
     * @param damage   told of a plan or progress file that cannot be read
     * @param readOnly whether a damaged file is left in place (a read-only open changes nothing)
     */
    ReplayFiles(Path directory, CorruptionListener damage, boolean readOnly) {
        this.directory = directory;
        this.damage = damage;
        this.readOnly = readOnly;
    }

    /**
     * The store's plan and its progress; empty when there is none, or when either file cannot be read
     * (then both are set aside and reported: see the class comment).
     */
    Optional<Stored> load() {
        Path file = directory.resolve(PLAN);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Plan plan;
        try {
            plan = readPlan(file);
        } catch (IOException | RuntimeException e) {
            setAside(file, progressFiles(), "the replay plan cannot be read: " + problem(e));
            return Optional.empty();
        }
        try {
            return Optional.of(new Stored(plan, progress(plan)));
        } catch (DamagedProgress e) {
            setAside(file, List.of(progressFile(plan)), e.getMessage());
            return Optional.empty();
        }
    }

    /** A plan with what its progress file says. */
    record Stored(Plan plan, Progress progress) {
    }

    /** The stored plan, as {@link #load} reads it. */
    Optional<Plan> plan() {
        return load().map(Stored::plan);
    }

    private Plan readPlan(Path file) throws IOException {
        JsonNode n = json.readTree(file.toFile());
        if (n == null || !n.isObject()) {
            throw new IOException("it holds no JSON object");
        }
        if (n.path("version").asInt() != 1) {
            throw new IOException("version " + n.path("version") + " is not 1");
        }
        String id = n.path("plan").asText();
        UUID.fromString(id); // it names the progress file: nothing but a UUID may
        if (!n.path("ids").isArray()) {
            throw new IOException("it has no list of batch ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode each : n.path("ids")) {
            if (!each.isTextual()) {
                throw new IOException("a batch id is not text: " + each);
            }
            ids.add(each.asText());
        }
        ReplayRequest request = new ReplayRequest(ReplayRequest.Action.valueOf(n.path("action").asText()
                .toUpperCase(Locale.ROOT)), ids, n.path("sink").isTextual() ? n.path("sink").asText() : null,
                n.path("rate").asDouble());
        return new Plan(id, request, n.path("by").asText(), Instant.parse(n.path("at").asText()));
    }

    private static String problem(Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** Every progress file in the directory: with an unreadable plan, which one is its own is not known. */
    private List<Path> progressFiles() {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("replay-")
                    && f.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Renames the plan and its progress beside themselves and reports it. */
    private void setAside(Path plan, List<Path> progressFiles, String detail) {
        if (readOnly) {
            damage.found(new StoreDamage(DamageKind.REPLAY_DAMAGED, plan, 0, detail,
                    "left in place (the store is open read-only); no replay is shown", List.of()));
            return;
        }
        try {
            Path planAside = aside(plan);
            Files.move(plan, planAside, StandardCopyOption.ATOMIC_MOVE);
            String action = "renamed to " + planAside.getFileName();
            for (Path progressFile : progressFiles) {
                if (Files.exists(progressFile)) {
                    Path progressAside = aside(progressFile);
                    Files.move(progressFile, progressAside, StandardCopyOption.ATOMIC_MOVE);
                    action += ", " + progressFile.getFileName() + " to " + progressAside.getFileName();
                }
            }
            syncDirectory();
            damage.found(new StoreDamage(DamageKind.REPLAY_DAMAGED, plan, 0, detail,
                    action + "; the store has no replay (its batches are as the replay left them)", List.of()));
        } catch (IOException e) {
            throw new StoreException("the replay plan " + plan + " cannot be read (" + detail
                    + ") and cannot be set aside: " + e, e);
        }
    }

    /** {@code file.damaged}, or {@code file.damaged-2}, ... : never over an earlier one. */
    private static Path aside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + DAMAGED);
        for (int n = 2; Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            aside = file.resolveSibling(file.getFileName() + DAMAGED + "-" + n);
        }
        return aside;
    }

    /** A progress file that does not say what it should. */
    private static final class DamagedProgress extends RuntimeException {
        DamagedProgress(String message) {
            super(message);
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

    /**
     * Reads {@code plan}'s progress (none yet: nothing taken).
     *
     * @throws DamagedProgress naming the file and line when a line is not one this class writes
     */
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
            int number = 0;
            for (String line : text.substring(0, end).split("\n")) {
                number++;
                String[] parts = line.split(" ", 3);
                switch (parts[0]) {
                    case "take" -> {
                        int index = index(parts, plan, file, number);
                        taken = index + 1;
                        open.add(index);
                    }
                    case "done" -> {
                        open.remove(Integer.valueOf(index(parts, plan, file, number)));
                        if (parts.length < 3) {
                            throw new DamagedProgress(file.getFileName() + " line " + number + " is not a progress line");
                        }
                        refused += "ok".equals(parts[2]) ? 0 : 1;
                    }
                    case "pause" -> state = ReplayStatus.State.PAUSED;
                    case "resume" -> state = ReplayStatus.State.RUNNING;
                    case "cancel" -> state = ReplayStatus.State.CANCELLED;
                    case "end" -> state = ReplayStatus.State.FINISHED;
                    case "" -> { } // an empty file, or the line break after a line a crash cut short
                    default -> throw new DamagedProgress(file.getFileName() + " line " + number
                            + " is not a progress line");
                }
            }
        }
        return new Progress(taken, open, refused, state);
    }

    /** The batch index a {@code take} or {@code done} line names, which must be one of the plan's. */
    private static int index(String[] parts, Plan plan, Path file, int number) {
        try {
            int index = Integer.parseInt(parts[1]);
            if (index < 0 || index >= plan.request().ids().size()) {
                throw new DamagedProgress(file.getFileName() + " line " + number + " names batch " + index
                        + " of a plan of " + plan.request().ids().size());
            }
            return index;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new DamagedProgress(file.getFileName() + " line " + number + " is not a progress line");
        }
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
