package dev.batchyard.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioPickerViewModelTest {
    @TempDir
    Path dir;
    private final ScenarioPickerViewModel inTest = new ScenarioPickerViewModel(BuiltInScenarios.all(),
            BuiltInScenarios::read, new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH));

    @Test
    void everyBuiltInScenarioIsOfferedAndTheFirstIsChosen() {
        assertEquals(BuiltInScenarios.names(), inTest.scenarios().stream().map(Scenario::name).toList());
        assertEquals("splunk-outage", inTest.chosenProperty().get().name());
    }

    @Test
    void aTrainersFileJoinsTheListChosen() throws Exception {
        Path file = dir.resolve("own.yaml");
        String paused = new String(BuiltInScenarios.class
                .getResourceAsStream("/dev/batchyard/training/scenarios/paused-recovery.yaml").readAllBytes());
        Files.writeString(file, paused.replace("name: paused-recovery", "name: our-own"));

        inTest.load(file);

        assertEquals(8, inTest.scenarios().size());
        assertSame(inTest.scenarios().get(7), inTest.chosenProperty().get());
        assertEquals("our-own", inTest.chosenProperty().get().name());
        assertEquals("", inTest.loadFailureProperty().get());
    }

    @Test
    void aBadFileIsRefusedNamingTheFileLineAndKeyAndTheListStaysAsItWas() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: broken\ntitle: {en: a, pt: b}\ntasks:\n  - id: t\n    opens_at: soon\n");

        inTest.load(file);

        assertEquals(7, inTest.scenarios().size());
        String said = inTest.loadFailureProperty().get();
        assertTrue(said.startsWith("This file is not a scenario Batchyard can run:\n" + file), said);
        assertTrue(said.contains("line 1, key summary"), said);
    }
}
