package dev.batchyard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void samplesOlderThanAnHourBeforeTheNewestAreDropped() {
        Sparkline inTest = Sparkline.empty().plus(new Sparkline.Sample(T0, 1))
                .plus(new Sparkline.Sample(T0.plus(Duration.ofMinutes(30)), 2))
                .plus(new Sparkline.Sample(T0.plus(Duration.ofMinutes(61)), 3));

        assertEquals(List.of(2L, 3L), inTest.samples().stream().map(Sparkline.Sample::pending).toList());
        assertEquals(3, inTest.max());
        assertEquals(2, inTest.min());
        assertEquals(Duration.ofMinutes(31), inTest.span());
    }

    @Test
    void aFastPollCannotGrowItBeyondItsCap() {
        Sparkline inTest = Sparkline.empty();
        for (int i = 0; i < Sparkline.MAX_SAMPLES + 500; i++) {
            inTest = inTest.plus(new Sparkline.Sample(T0.plusMillis(100L * i), i));
        }

        assertEquals(Sparkline.MAX_SAMPLES, inTest.samples().size());
        assertEquals(500, inTest.samples().get(0).pending());
    }

    @Test
    void aSampleOlderThanTheLastIsIgnored() {
        Sparkline inTest = Sparkline.empty().plus(new Sparkline.Sample(T0, 5));

        assertSame(inTest, inTest.plus(new Sparkline.Sample(T0.minusSeconds(1), 9)));
    }

    @Test
    void theLineSpansItsCellWithTheLargestCountAtTheTop() {
        Sparkline line = Sparkline.empty().plus(new Sparkline.Sample(T0, 0))
                .plus(new Sparkline.Sample(T0.plus(Duration.ofMinutes(30)), 10))
                .plus(new Sparkline.Sample(T0.plus(Duration.ofMinutes(60)), 5));

        assertEquals(List.of(0.0, 20.0, 70.0, 0.0, 140.0, 10.0), line.points(140, 20));
        assertEquals(List.of(140.0, 20.0, 138.0, 20.0), Sparkline.empty().plus(new Sparkline.Sample(T0, 0)).points(140, 20),
                "one sample is a short stroke at the right");
    }
}
