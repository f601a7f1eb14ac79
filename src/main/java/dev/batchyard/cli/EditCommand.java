package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.IndexRanges;
import dev.batchyard.model.Actor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code edit ID... (--remove-entries 3,5-9 | --entry N --from FILE | --set-label KEY=VALUE | --remove-label KEY)}:
 * edits stored batches before they are sent again, in one durable change ({@code Console.edit}); the
 * version each replaced is kept, discarded, and {@code restore} of it takes the edit back.
 */
@Command(name = "edit", mixinStandardHelpOptions = true)
final class EditCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", arity = "1..*", descriptionKey = "param.editIds")
    List<String> ids;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--remove-entries", required = true, paramLabel = "INDEXES", descriptionKey = "option.editRemoveEntries")
        String removeEntries;

        @Option(names = "--entry", required = true, paramLabel = "N", descriptionKey = "option.editEntry")
        Integer entry;

        @Option(names = "--set-label", required = true, paramLabel = "KEY=VALUE", descriptionKey = "option.editSetLabel")
        String setLabel;

        @Option(names = "--remove-label", required = true, paramLabel = "KEY", descriptionKey = "option.editRemoveLabel")
        String removeLabel;
    }

    @Option(names = "--from", paramLabel = "FILE", descriptionKey = "option.editFrom")
    String from;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    @Override
    int run() {
        EditRequest request = request();
        Actor actor = actorName == null || actorName.isBlank() ? context().defaultActor() : new Actor(actorName);
        EditResult result = Repairing.run(this, actor, false, console -> console.edit(request));
        print(out(), result);
        return ExitCode.OK;
    }

    private EditRequest request() {
        if (what.entry == null && from != null) {
            throw new CliException(messages().get("edit.fromWithoutEntry"));
        }
        if (what.setLabel != null || what.removeLabel != null) {
            if (what.removeLabel != null) {
                return new EditRequest.SetLabel(ids, what.removeLabel, null);
            }
            int eq = what.setLabel.indexOf('=');
            if (eq < 0) {
                throw new CliException(messages().get("edit.labelWithoutValue", what.setLabel));
            }
            return new EditRequest.SetLabel(ids, what.setLabel.substring(0, eq), what.setLabel.substring(eq + 1));
        }
        if (ids.size() != 1) {
            throw new CliException(messages().get("edit.oneBatch", ids.size()));
        }
        String id = ids.get(0);
        if (what.removeEntries != null) {
            try {
                return new EditRequest.RemoveEntries(id, IndexRanges.parse(what.removeEntries));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
        if (from == null) {
            throw new CliException(messages().get("edit.entryWithoutFrom"));
        }
        return new EditRequest.ReplaceEntry(id, what.entry, readEntry());
    }

    /** The new entry's JSON, from {@code --from FILE} or, with {@code -}, standard input. */
    private String readEntry() {
        try {
            byte[] bytes = from.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(from));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new CliException(messages().get("edit.cannotRead", from, String.valueOf(e.getMessage())));
        }
    }

    private void print(PrintWriter out, EditResult result) {
        if (json) {
            Json j = new Json();
            ObjectNode root = j.object();
            ArrayNode edited = root.putArray("edited");
            for (EditResult.Edited e : result.batches()) {
                ObjectNode one = edited.addObject().put("id", e.id()).put("previous_version", e.previousVersion())
                        .put("entries_before", e.entriesBefore()).put("entries_after", e.entriesAfter());
                ArrayNode changes = one.putArray("changes");
                e.changes().forEach(changes::add);
            }
            j.print(out, root);
            return;
        }
        for (EditResult.Edited e : result.batches()) {
            out.println(Printable.of(messages().get("edit.done", e.id(), e.entriesBefore(), e.entriesAfter(),
                    e.previousVersion())));
            e.changes().forEach(c -> out.println("  " + Printable.of(c)));
        }
        out.flush();
    }
}
