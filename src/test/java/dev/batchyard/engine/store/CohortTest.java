package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the log's writer holds a group open for the callers its last commit released, and for how long. */
class CohortTest {
    private static final long MS = 1_000_000L;

    /** A clock the test moves by hand. */
    private static final class Clock {
        long now = 1_000 * MS;
    }

    @Test
    void aLoneCallerIsNeverWaitedFor() {
        Clock clock = new Clock();
        Cohort cohort = new Cohort(() -> clock.now);
        for (int commit = 0; commit < 5; commit++) {
            cohort.released(1);
            assertEquals(0, cohort.delayNanos(MS), "commit " + commit);
            clock.now += 10_000;
            assertTrue(cohort.appended(), "the one caller back completes its cohort");
        }
        cohort.released(0);
        assertEquals(0, cohort.delayNanos(MS), "nobody released: nothing to wait for");
    }

    @Test
    void aCohortThatCameBackWithinAForceIsWaitedForUpToTheLastForce() {
        Clock clock = new Clock();
        Cohort cohort = new Cohort(() -> clock.now);
        cohort.released(16);
        assertEquals(MS, cohort.delayNanos(MS), "no pace known yet: wait, up to the last force");
        for (int i = 1; i <= 16; i++) {
            clock.now += 30_000; // 16 back in 0.48 ms
            assertEquals(i == 16, cohort.appended(), "the 16th completes the cohort, not the " + i + "th");
            assertEquals(i < 16, cohort.incomplete());
        }
        clock.now += MS;
        cohort.released(16);
        assertEquals(MS, cohort.delayNanos(MS), "0.48 ms for 16 is within a 1 ms force");
        assertEquals(0, cohort.delayNanos(MS / 4), "but not within a 0.25 ms one");
        assertEquals(Cohort.MAX_DELAY_NANOS, cohort.delayNanos(50 * MS), "never longer than the cap");
    }

    @Test
    void aCohortSlowerThanAForceIsNotWaitedFor() {
        Clock clock = new Clock();
        Cohort cohort = new Cohort(() -> clock.now);
        cohort.released(16);
        for (int i = 0; i < 4; i++) {
            clock.now += 250_000;
            assertFalse(cohort.appended());
        }
        cohort.released(16); // only 4 of 16 back in 1 ms: the 16 would take about 4 ms
        assertEquals(0, cohort.delayNanos(2 * MS), "the producers' CPU is the bottleneck: keep forcing");
        assertTrue(cohort.incomplete());
    }

    @Test
    void aCohortNobodyCameBackFromIsNotWaitedForNextTime() {
        Clock clock = new Clock();
        Cohort cohort = new Cohort(() -> clock.now);
        cohort.released(8);
        clock.now += 3 * MS; // the producers stopped
        cohort.released(8);
        assertEquals(0, cohort.delayNanos(Cohort.MAX_DELAY_NANOS), "a cohort that stopped costs at most one wait");
    }
}
