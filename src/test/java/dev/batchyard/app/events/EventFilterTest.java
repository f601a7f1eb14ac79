package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private final EventDescriber describer = new EventDescriber(PanelTexts.english());
    private final EventRow deadOnLoki = describer.describe(1, SampleEvents.dead(0, "b-77", "loki"));
    private final EventRow reroute = describer.describe(2, SampleEvents.oneOfEach().get(6));

    @Test
    void anEmptyFilterLetsEverythingThrough() {
        assertTrue(EventFilter.ALL.test(deadOnLoki));
        assertTrue(EventFilter.ALL.test(reroute));
    }

    @Test
    void kindFilterKeepsOnlyTheChosenKinds() {
        EventFilter inTest = new EventFilter(Set.of(EventKind.REROUTE), "", "");
        assertFalse(inTest.test(deadOnLoki));
        assertTrue(inTest.test(reroute));
    }

    @Test
    void sinkFilterMatchesEitherEndOfAReroute() {
        assertTrue(new EventFilter(Set.of(), "elasticsearch", "").test(reroute));
        assertTrue(new EventFilter(Set.of(), "splunk", "").test(reroute));
        assertFalse(new EventFilter(Set.of(), "splunk", "").test(deadOnLoki));
    }

    @Test
    void textFilterIgnoresCaseAndSurroundingBlanks() {
        EventFilter inTest = new EventFilter(Set.of(), "", "  B-77 ");
        assertTrue(inTest.test(deadOnLoki));
        assertFalse(inTest.test(reroute));
    }

    @Test
    void allPartsMustMatch() {
        assertFalse(new EventFilter(Set.of(EventKind.DEAD_LETTER), "splunk", "").test(deadOnLoki));
        assertTrue(new EventFilter(Set.of(EventKind.DEAD_LETTER), "loki", "dead").test(deadOnLoki));
    }
}
