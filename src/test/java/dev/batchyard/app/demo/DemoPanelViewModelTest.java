package dev.batchyard.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoPanelViewModelTest {
    private final RecordingDemoControls controls = new RecordingDemoControls(8,
            Map.of("loki", 0.02, "splunk", 0.33), List.of("loki", "splunk"));
    private final DemoPanelViewModel inTest = new DemoPanelViewModel(controls, 0.5, 100);

    @Test
    void thePanelStartsFromWhatTheDemoIsDoingWithoutChangingIt() {
        assertEquals(8, inTest.trafficRateProperty().get());
        assertFalse(inTest.trafficRunningProperty().get());
        assertEquals(0.33, inTest.sinks().get(1).failureRateProperty().get());
        assertEquals(List.of(), controls.calls());
    }

    @Test
    void thereIsOneRowPerSimulatedSinkInTheirOrder() {
        assertEquals(List.of("loki", "splunk"), inTest.sinks().stream().map(SimulatedSinkViewModel::name).toList());
    }

    @Test
    void togglingTrafficStartsAndStopsTheGenerator() {
        inTest.trafficRunningProperty().set(true);
        assertEquals("start", controls.lastCall());
        inTest.trafficRunningProperty().set(false);
        assertEquals("stop", controls.lastCall());
    }

    @Test
    void movingTheRateSliderSetsTheGeneratorRate() {
        inTest.trafficRateProperty().set(42.5);
        assertEquals("rate 42.5", controls.lastCall());
    }

    @Test
    void theRateStaysWithinWhatTheGeneratorAccepts() {
        inTest.trafficRateProperty().set(250);
        assertEquals("rate 100.0", controls.lastCall());
        inTest.trafficRateProperty().set(0);
        assertEquals(0.5, inTest.trafficRateProperty().get());
        assertEquals("rate 0.5", controls.lastCall());
    }

    @Test
    void breakingAndHealingASinkSetsItsOutage() {
        SimulatedSinkViewModel splunk = inTest.sinks().get(1);
        splunk.downProperty().set(true);
        assertEquals("outage splunk true", controls.lastCall());
        splunk.downProperty().set(false);
        assertEquals("outage splunk false", controls.lastCall());
    }

    @Test
    void failureRateIsPassedOnAndKeptBetweenZeroAndOne() {
        SimulatedSinkViewModel loki = inTest.sinks().get(0);
        loki.failureRateProperty().set(0.25);
        assertEquals("failures loki 0.25", controls.lastCall());
        loki.failureRateProperty().set(1.7);
        assertEquals(1.0, loki.failureRateProperty().get());
        assertEquals("failures loki 1.0", controls.lastCall());
    }

    @Test
    void healAllEndsOutagesAndRestoresEachSinksOwnFailureRate() {
        inTest.sinks().get(0).downProperty().set(true);
        inTest.sinks().get(1).failureRateProperty().set(0.9);
        controls.calls().clear();
        inTest.healAll();
        assertEquals(List.of("outage loki false", "failures splunk 0.33"), controls.calls());
    }

    @Test
    void aRateRangeThatAllowsZeroIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DemoPanelViewModel(controls, 0, 100));
    }
}
