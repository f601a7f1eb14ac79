package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.store.ByteRange;
import dev.batchyard.engine.store.DiskImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the store's damage reports against what the simulated power cuts really did: a report is
 * true only if the file it names lost its name to a cut, or lost or tore bytes at or after the
 * offset it names (the {@link DiskImage}'s record). And what a report says it kept ("kept in
 * quarantine/...") must be there, then and after every later cut.
 */
final class DamageTruth {
    private static final Pattern KEPT = Pattern.compile("kept (?:aside )?in (/\\S+)");

    private DamageTruth() {
    }

    /** The reports among {@code reports} that {@code image} (what the store was opened on) does not bear out. */
    static List<String> falseReports(List<BatchEvent.CorruptionFound> reports, DiskImage image) {
        List<String> wrong = new ArrayList<>();
        for (BatchEvent.CorruptionFound report : reports) {
            Path file = Path.of(report.file());
            List<ByteRange> lost = image.damage(file);
            boolean borneOut = image.lostName(file) || lost.stream().anyMatch(r -> r.reaches(report.offset()));
            if (!borneOut) {
                wrong.add("false damage report: " + report.kind() + " in " + file + " at " + report.offset() + ": "
                        + report.detail() + " (" + report.action() + "); the cuts took from that file "
                        + (lost.isEmpty() ? "nothing" : lost));
            }
        }
        return wrong;
    }

    /** The files and directories the reports say keep damaged bytes. */
    static List<Path> keptBy(List<BatchEvent.CorruptionFound> reports) {
        List<Path> kept = new ArrayList<>();
        for (BatchEvent.CorruptionFound report : reports) {
            Matcher m = KEPT.matcher(report.action());
            while (m.find()) {
                kept.add(Path.of(m.group(1)));
            }
        }
        return kept;
    }
}
