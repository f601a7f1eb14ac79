package dev.batchyard.cli;

import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.RepairResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code merge ID ID... [--dry-run]}: batches of one sink into one, in one durable change ({@code Console.merge}). */
@Command(name = "merge", mixinStandardHelpOptions = true)
final class MergeCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", arity = "2..*", descriptionKey = "param.mergeIds")
    List<String> ids;

    @Mixin
    RepairOptions repair;

    @Override
    int run() {
        MergeRequest request = MergeRequest.of(ids);
        RepairResult result = Repairing.run(this, repair,
                console -> console.merge(repair.dryRun ? request.asDryRun() : request));
        RepairReport.print(out(), result, messages(), json);
        return ExitCode.OK;
    }
}
