package dev.batchyard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code scenario}: the training scenarios, listed or run without a window. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        subcommands = {ScenarioListCommand.class, ScenarioRunCommand.class})
final class ScenarioCommand implements Callable<Integer> {
    @ParentCommand
    BatchyardCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.context().err());
        return ExitCode.USAGE;
    }
}
