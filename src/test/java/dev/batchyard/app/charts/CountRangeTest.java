package dev.batchyard.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import org.junit.jupiter.api.Test;

class CountRangeTest {

    @Test
    void theTopIsTheSmallestRoundNumberThatHoldsTheLargestValue() {
        assertEquals(5, CountRange.round(0));
        assertEquals(5, CountRange.round(3));
        assertEquals(5, CountRange.round(5));
        assertEquals(10, CountRange.round(6));
        assertEquals(20, CountRange.round(11));
        assertEquals(50, CountRange.round(20.5));
        assertEquals(100, CountRange.round(51));
        assertEquals(100_000, CountRange.round(100_000));
        assertEquals(200_000, CountRange.round(100_001));
        assertEquals(5, CountRange.round(Double.NaN));
    }

    @Test
    void ticksAreWholeNumbersFourOrFiveToTheTop() {
        assertEquals(1, CountRange.tickUnit(5));
        assertEquals(2, CountRange.tickUnit(10));
        assertEquals(5, CountRange.tickUnit(20));
        assertEquals(10, CountRange.tickUnit(50));
        assertEquals(20, CountRange.tickUnit(100));
        assertEquals(50_000, CountRange.tickUnit(200_000));
    }

    @Test
    void theTopStaysWhileTheValuesFitItAndFillAQuarterOfIt() {
        assertEquals(100, CountRange.top(100, 100));
        assertEquals(100, CountRange.top(100, 25));
        assertEquals(200, CountRange.top(100, 101));     // outgrown: widened
        assertEquals(50, CountRange.top(100, 24));       // fallen below a quarter: narrowed
        assertEquals(5, CountRange.top(5, 0));           // the smallest top stays however low the values go
        assertEquals(5, CountRange.top(10, 1));
    }

    @Test
    void aSteadyLoadLeavesTheAxisAlone() {
        NumberAxis axis = new NumberAxis();
        CountRange.manual(axis);
        assertFalse(axis.isAutoRanging());
        List<String> changes = new ArrayList<>();
        axis.upperBoundProperty().addListener((o, was, now) -> changes.add(was + "->" + now));

        for (double max : new double[] {4_980, 5_010, 4_995, 5_003, 4_870, 5_020}) {
            CountRange.fit(axis, max);
        }

        assertEquals(List.of("5.0->5000.0", "5000.0->10000.0"), changes);
        assertEquals(0, axis.getLowerBound());
        assertEquals(2_000, axis.getTickUnit());
    }
}
