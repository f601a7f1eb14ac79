package dev.batchyard.legacy.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlqFileReaderTest {
    @TempDir
    Path tmp;

    private final DlqFileReader inTest = new DlqFileReader(DlqSamples.format(), 4096, 1 << 20);

    private static String line(int i) {
        return new String(DlqSamples.sampleLines().get(i), StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Collected read(Path file) {
        Collected c = new Collected();
        inTest.read(file, c);
        return c;
    }

    @Test
    void readsEveryLineOfTheSampleInOrder() throws Exception {
        Path f = Files.write(tmp.resolve(DlqSamples.SAMPLE), DlqSamples.sample());
        Collected c = read(f);
        assertEquals(List.of("dlq_20261201_174012.log:1", "dlq_20261201_174012.log:2", "dlq_20261201_174012.log:3"),
                c.places());
        assertEquals(List.of("loki", "kafka_sink", "timestamp_validator"),
                c.letters.stream().map(l -> l.failure().sink()).toList());
        assertTrue(c.damaged.isEmpty() && c.refused.isEmpty());
    }

    @Test
    void aCutLastLineIsReportedWithItsLineNumberAndTheRestIsRead() throws Exception {
        String cut = line(2).substring(0, 150);
        Collected c = read(file("dlq_20261201_174012.log", line(0) + line(1) + cut));
        assertEquals(2, c.letters.size());
        assertEquals(List.of("dlq_20261201_174012.log:3: cut short: ends after 150 bytes, before its JSON does"
                + " (a crash in the middle of the agent's append)"), c.damage());
    }

    @Test
    void aLastLineCutInsideAStringOrAfterACommaIsCutShortToo() throws Exception {
        for (String end : new String[] {"\"error_message\":\"loki pu", "\"retry_count\":3,", "\"retry_count\":3", "{"}) {
            String whole = line(0);
            String cut = whole.substring(0, whole.indexOf(end) + end.length());
            Collected c = read(file("cut.log", cut));
            assertEquals(LineProblem.CUT_SHORT, c.damaged.get(0).problem(), end);
        }
    }

    @Test
    void aWholeLastLineWithoutItsNewlineIsAnEntry() throws Exception {
        Collected c = read(file("dlq_x.log", line(0) + line(1).strip()));
        assertEquals(2, c.letters.size());
        assertTrue(c.damaged.isEmpty());
    }

    @Test
    void damagedLinesInTheMiddleAreReportedAndTheLinesAfterThemRead() throws Exception {
        String text = "[2026-12-01T17:40:12-03:00] SINK:loki ERROR:send_error RETRY:3 MSG:m ORIGINAL:o\n";
        Collected c = read(file("dlq_x.log", line(0) + "not json\n" + "{\"hello\":\"world\"}\n" + "\n" + text
                + line(1) + "\u0000\u0000\u0000\n" + line(2)));
        assertEquals(List.of("dlq_x.log:1", "dlq_x.log:6", "dlq_x.log:8"), c.places());
        assertEquals(List.of(LineProblem.NOT_JSON, LineProblem.NOT_AN_ENTRY, LineProblem.BLANK, LineProblem.TEXT_FORMAT,
                LineProblem.NOT_JSON), c.damaged.stream().map(DamagedLine::problem).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L, 7L), c.damaged.stream().map(DamagedLine::line).toList());
    }

    @Test
    void aLineOverTheLimitIsSkippedWithoutBeingHeldAndTheNextLineRead() throws Exception {
        StringBuilder huge = new StringBuilder(line(0).strip());
        huge.insert(huge.indexOf("\"message\":\"") + 11, "x".repeat(10_000));
        Collected c = read(file("dlq_x.log", huge + "\n" + line(1)));
        assertEquals(List.of("dlq_x.log:1: too long: " + (huge.length()) + " bytes; lines are read only up to 4096 bytes"),
                c.damage());
        assertEquals(List.of("dlq_x.log:2"), c.places());
    }

    @Test
    void aLineExactlyAtTheLimitIsRead() throws Exception {
        StringBuilder l = new StringBuilder(line(0).strip());
        l.insert(l.indexOf("\"message\":\"") + 11, "x".repeat(4096 - l.length()));
        assertEquals(4096, l.toString().getBytes(StandardCharsets.UTF_8).length);
        assertEquals(1, read(file("dlq_x.log", l + "\n")).letters.size());
    }

    @Test
    void linesLongerThanTheReadChunkAreJoined() throws Exception {
        DlqFileReader roomy = new DlqFileReader(DlqSamples.format(), DlqFileReader.MAX_LINE_BYTES, 1 << 24);
        StringBuilder l = new StringBuilder(line(0).strip());
        l.insert(l.indexOf("\"message\":\"") + 11, "é".repeat(300_000));
        Collected c = new Collected();
        roomy.read(file("dlq_x.log", l + "\n" + line(1)), c);
        assertEquals(2, c.letters.size());
        assertEquals(l.toString().getBytes(StandardCharsets.UTF_8).length, c.letters.get(0).bytes());
    }

    @Test
    void aSymbolicLinkIsRefusedAndNotFollowed() throws Exception {
        Path target = Files.write(tmp.resolve("elsewhere.log"), DlqSamples.sample());
        Path link = Files.createSymbolicLink(tmp.resolve("dlq_20261201_174012.log"), target);
        Collected c = read(link);
        assertEquals(RefusedFile.Problem.SYMLINK, c.refused.get(0).problem());
        assertTrue(c.letters.isEmpty());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws Exception {
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        while (big.size() <= 1 << 20) {
            big.writeBytes(DlqSamples.sample());
        }
        Path f = Files.write(tmp.resolve("dlq_x.log"), big.toByteArray());
        Collected c = read(f);
        assertEquals(RefusedFile.Problem.TOO_LARGE, c.refused.get(0).problem());
        assertTrue(c.refused.get(0).detail().startsWith(big.size() + " bytes"), c.refused.get(0).detail());
        assertTrue(c.letters.isEmpty());
    }

    @Test
    void aDirectoryNamedLikeAFileIsRefused() throws Exception {
        Collected c = read(Files.createDirectory(tmp.resolve("dlq_x.log")));
        assertEquals(RefusedFile.Problem.UNREADABLE, c.refused.get(0).problem());
    }

    @Test
    void anEmptyFileHasNoLines() throws Exception {
        Collected c = read(file("dlq_x.log", ""));
        assertTrue(c.letters.isEmpty() && c.damaged.isEmpty() && c.refused.isEmpty());
    }

    @Test
    void windowsLineEndsStillRead() throws Exception {
        Collected c = read(file("dlq_x.log", line(0).strip() + "\r\n" + line(1).strip() + "\r\n"));
        assertEquals(2, c.letters.size());
    }
}
