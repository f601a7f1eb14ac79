package dev.batchyard.training.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scenario's clock: faster than real time, and standing still while its run does not step. */
class ScenarioClockTest {

    @Test
    void runsSpeedTimesFasterThanRealTimeWhileItsRunSteps() throws Exception {
        ScenarioClock inTest = ScenarioClock.startingNow(20);
        for (int i = 0; i < 10; i++) {
            Thread.sleep(20);
            inTest.tick();
        }
        Duration elapsed = inTest.elapsed();
        // 10 steps of at least 20 ms real: at least 4 s of scenario time, each step capped at MAX_LEAD
        assertTrue(elapsed.compareTo(Duration.ofSeconds(4)) >= 0, elapsed::toString);
        assertTrue(elapsed.compareTo(ScenarioClock.MAX_LEAD.multipliedBy(11)) <= 0, elapsed::toString);
    }

    @Test
    void standsStillAtMostALeadAheadOfARunThatStalls() throws Exception {
        ScenarioClock inTest = ScenarioClock.startingNow(100);
        Thread.sleep(200); // 20 s of scenario time, were it not paced

        Duration elapsed = inTest.elapsed();

        assertTrue(elapsed.compareTo(ScenarioClock.MAX_LEAD) <= 0, elapsed::toString);
    }

    @Test
    void neverGoesBackwardsAcrossATick() throws Exception {
        ScenarioClock inTest = ScenarioClock.startingNow(50);
        Instant last = inTest.instant();
        for (int i = 0; i < 200; i++) {
            if (i % 7 == 0) {
                inTest.tick();
            }
            Instant now = inTest.instant();
            assertTrue(!now.isBefore(last), now + " after " + last);
            last = now;
            Thread.sleep(1);
        }
    }

    @Test
    void aSpeedOutsideOneToAThousandIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioClock.startingNow(0.5));
        assertThrows(IllegalArgumentException.class, () -> ScenarioClock.startingNow(Double.NaN));
    }
}
