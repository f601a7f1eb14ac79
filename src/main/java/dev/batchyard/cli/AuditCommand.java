package dev.batchyard.cli;

import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.time.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code audit [--since 1h] [--action A] [--actor NAME] [--id ID] [--json]}: the store's audit
 * trail, oldest first, read a page at a time. With {@code --json}, the lines exactly as the store
 * wrote them (JSON lines: an export that later versions' fields survive).
 */
@Command(name = "audit", mixinStandardHelpOptions = true)
final class AuditCommand extends StoreCommand {
    private static final int PAGE = 1000;

    @Option(names = "--since", paramLabel = "DURATION", descriptionKey = "option.auditSince")
    String since;

    @Option(names = "--action", paramLabel = "ACTION", descriptionKey = "option.auditAction")
    String action;

    @Option(names = "--actor", paramLabel = "NAME", descriptionKey = "option.auditActor")
    String actor;

    @Option(names = "--id", paramLabel = "ID", descriptionKey = "option.auditId")
    String id;

    @Override
    int run() {
        AuditQuery query = new AuditQuery(since(), blankless(action), blankless(actor), blankless(id));
        Table table = new Table(List.of(messages().get("column.at"), messages().get("column.actor"),
                messages().get("column.action"), messages().get("column.ids"), messages().get("column.detail")));
        int shown = 0;
        try (CommandConsole store = access().reading(storeOptions)) {
            AuditPage page = store.console().audit(query, PageRequest.first(PAGE));
            while (true) {
                for (AuditRecord r : page.records()) {
                    shown++;
                    if (json) {
                        out().println(r.line());
                    } else {
                        table.add(r.at() == null ? "" : messages().time(r.at()), r.actor(), r.action(), ids(r),
                                r.detail());
                    }
                }
                if (page.atEnd()) {
                    break;
                }
                page = store.console().audit(query, PageRequest.after(page.nextCursor(), PAGE));
            }
        }
        if (!json) {
            if (shown == 0) {
                out().println(messages().get("audit.empty"));
            } else {
                table.print(out());
            }
        }
        out().flush();
        return ExitCode.OK;
    }

    /** {@code --since 1h}: from an hour before now. */
    private Instant since() {
        if (since == null) {
            return null;
        }
        Duration back;
        try {
            back = GoDuration.parse(since.strip());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), messages().get("audit.badSince", since, e.getMessage()));
        }
        if (back.isNegative() || back.isZero()) {
            throw new ParameterException(spec.commandLine(), messages().get("audit.badSince", since, "not positive"));
        }
        return context().clock().instant().minus(back);
    }

    /** The ids of a line: a few, then how many more. */
    private static String ids(AuditRecord r) {
        int shown = 3;
        String head = String.join(", ", r.ids().subList(0, Math.min(shown, r.ids().size())));
        return r.ids().size() <= shown ? head : head + " (+" + (r.ids().size() - shown) + ")";
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
