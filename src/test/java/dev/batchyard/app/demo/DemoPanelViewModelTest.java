package dev.batchyard.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPanelViewModelTest {
    private final RecordingDemoControls controls = new RecordingDemoControls(List.of("loki", "splunk"));
    private final DemoPanelViewModel inTest = new DemoPanelViewModel(controls, 5, 100);

    @Test
    void creatingThePanelMakesTheDemoMatchWhatItShows() {
        assertEquals(List.of("rate 5.0", "outage loki false", "failures loki 0.0", "outage splunk false",
                "failures splunk 0.0"), controls.calls());
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
    void aRateAboveTheMaximumIsHeldAtTheMaximum() {
        inTest.trafficRateProperty().set(250);
        assertEquals(100, inTest.trafficRateProperty().get());
        assertEquals("rate 100.0", controls.lastCall());
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
    void healAllClearsEveryOutageAndFailureRate() {
        inTest.sinks().get(0).downProperty().set(true);
        inTest.sinks().get(1).failureRateProperty().set(0.5);
        controls.calls().clear();
        inTest.healAll();
        assertEquals(List.of("outage loki false", "failures splunk 0.0"), controls.calls());
    }

    @Test
    void anInitialRateOutsideTheRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DemoPanelViewModel(controls, 150, 100));
    }
}
