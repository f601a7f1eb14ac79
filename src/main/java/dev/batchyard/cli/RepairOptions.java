package dev.batchyard.cli;

import dev.batchyard.model.Actor;
import picocli.CommandLine.Option;

/** What {@code split} and {@code merge} share: {@code --dry-run} and who is acting ({@code --as}). */
final class RepairOptions {
    @Option(names = "--dry-run", descriptionKey = "option.repairDryRun")
    boolean dryRun;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    Actor actor(Actor fallback) {
        return actorName == null || actorName.isBlank() ? fallback : new Actor(actorName);
    }
}
