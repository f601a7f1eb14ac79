package dev.batchyard.cli;

import dev.batchyard.engine.IndexRanges;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code split ID (--failed | --entries 3,5-9 | --chunk N) [--dry-run]}: one batch into new batches
 * of its sink, in one durable change ({@code Console.split}); prints what it made.
 */
@Command(name = "split", mixinStandardHelpOptions = true)
final class SplitCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", descriptionKey = "param.id")
    String id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    How how;

    static final class How {
        @Option(names = "--failed", required = true, descriptionKey = "option.splitFailed")
        boolean failed;

        @Option(names = "--entries", required = true, paramLabel = "INDEXES", descriptionKey = "option.splitEntries")
        String entries;

        @Option(names = "--chunk", required = true, paramLabel = "N", descriptionKey = "option.splitChunk")
        Integer chunk;
    }

    @Mixin
    RepairOptions repair;

    @Override
    int run() {
        SplitRequest request;
        try {
            request = how.failed ? SplitRequest.failedEntries(id)
                    : how.entries != null ? SplitRequest.entries(id, IndexRanges.parse(how.entries))
                    : SplitRequest.chunks(id, how.chunk);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        RepairResult result = Repairing.run(this, repair,
                console -> console.split(repair.dryRun ? request.asDryRun() : request));
        RepairReport.print(out(), result, messages(), json);
        return ExitCode.OK;
    }

}
