package dev.batchyard.cli;

import dev.batchyard.model.Actor;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ids an operator action applies to, and who is acting ({@code --as}, else the OS user). */
final class ActionOptions {
    @Parameters(paramLabel = "ID", arity = "1..*", descriptionKey = "param.ids")
    List<String> ids;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    List<String> ids() {
        return List.copyOf(ids);
    }

    Actor actor(Actor fallback) {
        return actorName == null || actorName.isBlank() ? fallback : new Actor(actorName);
    }
}
