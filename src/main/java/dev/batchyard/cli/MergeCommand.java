package dev.batchyard.cli;

import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.RepairResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code merge ID ID... [--dry-run]}: batches of one sink into one, in one durable change ({@code Console.merge}). */
@Command(name = "merge", mixinStandardHelpOptions = true)
final class MergeCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", arity = "2..*", descriptionKey = "param.mergeIds")
    List<String> ids;

    @Option(names = "--dry-run", descriptionKey = "option.repairDryRun")
    boolean dryRun;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    @Override
    int run() {
        MergeRequest request = MergeRequest.of(ids);
        RepairResult result = Repairing.run(this, actorName, dryRun,
                console -> console.merge(dryRun ? request.asDryRun() : request));
        RepairReport.print(out(), result, messages(), json);
        return ExitCode.OK;
    }
}
