package dev.batchyard.training.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario file format: what it reads, and errors that name the file, the line and the key. */
class ScenarioReaderTest {
    private static final ScenarioSource SOURCE = new ScenarioSource("drill.yaml");
    private static final String HEAD = """
            name: drill
            title: {en: Drill, pt: Treino}
            summary: {en: A drill, pt: Um treino}
            """;
    private static final String TASK = """
            tasks:
              - id: move
                goal: {en: Move them, pt: Mova-os}
                within: 3m
                explanation: {en: Because, pt: Porque}
                check: [{rerouted: {batches: backlog, to: loki-demo}}]
                solution: [{reroute: {batches: backlog, to: loki-demo}}]
            """;

    private static Scenario read(String yaml) {
        return ScenarioReader.read(yaml, SOURCE);
    }

    private static ScenarioException refused(String yaml) {
        return assertThrows(ScenarioException.class, () -> read(yaml));
    }

    @Test
    void aScenarioReadsItsTimelineInTimeOrderAndItsTasks() {
        Scenario inTest = read(HEAD + """
                timeline:
                  - {at: 5s, burst: {tag: backlog, sink: splunk-demo, batches: 4}}
                  - {at: 0s, break: splunk-demo}
                """ + TASK);
        assertEquals(List.of(new TimedEvent(Duration.ZERO, new ScenarioEvent.Break("splunk-demo")),
                new TimedEvent(Duration.ofSeconds(5), new ScenarioEvent.Burst("backlog", "splunk-demo", 4, 10))),
                inTest.timeline());
        assertEquals("Mova-os", inTest.tasks().get(0).goal().pt());
        assertEquals(Duration.ofMinutes(3), inTest.end());
    }

    @Test
    void aMisspelledKeyIsRefusedWithItsLineInsteadOfIgnored() {
        ScenarioException e = refused(HEAD + """
                timeline:
                  - {at: 0s, burst: {tag: backlog, sink: splunk-demo, batches: 4}}
                """ + TASK.replace("within: 3m", "within: 3m\n    withn: 1m"));
        assertEquals(10, e.line());
        assertEquals("tasks[0].withn", e.key());
    }

    @Test
    void aSinkTheDemoDoesNotHaveIsNamedWithTheOnesItHas() {
        ScenarioException e = refused(HEAD + "timeline:\n  - {at: 0s, break: splunk}\n" + TASK);
        assertEquals("drill.yaml, line 5, key timeline[0].break: no sink 'splunk' (the demo's sinks are loki-demo, "
                + "elastic-demo, splunk-demo)", e.getMessage());
    }

    @Test
    void aCheckOnATagNoEventMakesIsRefused() {
        ScenarioException e = refused(HEAD + "timeline: []\n" + TASK);
        assertEquals("tasks[0].check[0].rerouted.batches", e.key());
    }

    @Test
    void aTimelineEntryWithTwoEventsIsRefused() {
        ScenarioException e = refused(HEAD + "timeline:\n  - {at: 0s, break: splunk-demo, heal: loki-demo}\n" + TASK);
        assertEquals(5, e.line());
        assertEquals("must hold exactly one event, not break, heal", e.problem());
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsInvalidYamlWithItsLine() {
        ScenarioException e = refused(HEAD + "name: again\n" + TASK);
        assertEquals(4, e.line());
    }

    @Test
    void aTaskThatTheSolverCannotPerformIsRefused() {
        ScenarioException e = refused(HEAD + "timeline:\n  - {at: 0s, burst: {tag: backlog, sink: splunk-demo, batches: 4}}\n"
                + TASK.replace("    solution: [{reroute: {batches: backlog, to: loki-demo}}]\n", ""));
        assertEquals("tasks[0].solution", e.key());
    }

    @Test
    void aDurationThatIsNotOneNamesTheValue() {
        ScenarioException e = refused(HEAD + "timeline:\n  - {at: soon, break: splunk-demo}\n" + TASK);
        assertEquals("must be a duration such as 90s, 3m or 1h30m, not 'soon'", e.problem());
        assertEquals("timeline[0].at", e.key());
    }

    @Test
    void everyBuiltInScenarioReads() {
        assertEquals(BuiltInScenarios.names().size(), BuiltInScenarios.all().size());
    }
}
