package dev.batchyard.cli;

import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParentCommand;

/** {@code scenario list}: the built-in scenarios, with their titles and how many tasks each sets. */
@Command(name = "list", mixinStandardHelpOptions = true)
final class ScenarioListCommand implements Callable<Integer> {
    @ParentCommand
    ScenarioCommand parent;

    @Override
    public Integer call() {
        Messages m = parent.root.messages();
        Table table = new Table(List.of(m.get("column.scenario"), m.get("column.tasks"), m.get("column.title")), 1);
        for (Scenario s : BuiltInScenarios.all()) {
            table.add(s.name(), m.number(s.tasks().size()), s.title().in(m.language()));
        }
        table.print(parent.root.context().out());
        return ExitCode.OK;
    }
}
