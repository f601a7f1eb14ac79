package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.engine.events.BatchEvent;
import java.io.PrintWriter;
import java.util.List;

/**
 * Says on stderr, one line each, the damage the store a command opened found: what
 * the open found (a torn write cut off, a segment set aside, batches lost), then whatever the
 * command's own reads found. stdout stays the command's answer ({@code --json} included). The
 * file, detail and action are the engine's English, made {@link Printable}.
 */
final class DamageLines {
    private final PrintWriter err;
    private final Messages messages;
    private int printed;

    DamageLines(PrintWriter err, Messages messages) {
        this.err = err;
        this.messages = messages;
    }

    /** Prints the damage found since the last call. */
    void printNew(Console console) {
        List<BatchEvent.CorruptionFound> all = console.damage();
        for (; printed < all.size(); printed++) {
            BatchEvent.CorruptionFound d = all.get(printed);
            err.println(messages.get("store.damage", Printable.of(d.file()), d.offset(), Printable.of(d.detail()),
                    Printable.of(d.action())));
        }
        err.flush();
    }
}
