package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.console.Console;
import dev.batchyard.engine.ReplayStatus;
import java.io.PrintWriter;
import picocli.CommandLine.ExitCode;

/**
 * Prints a throttled replay's progress once a second until it stops running in this process (finished,
 * paused or cancelled elsewhere), then its last state. Killed meanwhile, the command leaves the replay
 * in the store as it was: the next window or {@code serve} takes it up, or {@code replay resume}.
 * Exit 0 when every batch was taken and none refused; 1 otherwise.
 */
final class ReplayProgress {
    private final Messages messages;
    private final boolean json;

    ReplayProgress(Messages messages, boolean json) {
        this.messages = messages;
        this.json = json;
    }

    int follow(Console console, PrintWriter out) {
        ReplayStatus status = console.replay().orElseThrow();
        while (status.active() && status.state() == ReplayStatus.State.RUNNING) {
            if (!json) {
                out.println(line(status));
                out.flush();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = console.replay().orElseThrow();
        }
        print(status, out);
        return status.state() == ReplayStatus.State.FINISHED && status.refused() == 0 ? ExitCode.OK : 1;
    }

    void print(ReplayStatus s, PrintWriter out) {
        if (json) {
            Json j = new Json();
            ObjectNode node = j.object();
            node.put("action", s.action().code()).put("sink", s.sink()).put("rate", s.rate()).put("total", s.total())
                    .put("taken", s.taken()).put("refused", s.refused())
                    .put("state", s.state().name()).put("started_by", s.startedBy())
                    .put("started_at", s.startedAt().toString()).put("active", s.active());
            s.uncertain().forEach(node.putArray("uncertain")::add);
            j.print(out, node);
        } else {
            out.println(line(s));
            if (!s.uncertain().isEmpty()) {
                out.println(messages.get("replay.uncertain", String.join(", ", s.uncertain())));
            }
        }
        out.flush();
    }

    private String line(ReplayStatus s) {
        return messages.get("replay.line", s.action().code(), s.taken(), s.total(), s.refused(), s.rate(),
                state(s.state()), s.startedBy());
    }

    private String state(ReplayStatus.State state) {
        return switch (state) {
            case RUNNING -> messages.get("replay.state.RUNNING");
            case PAUSED -> messages.get("replay.state.PAUSED");
            case FINISHED -> messages.get("replay.state.FINISHED");
            case CANCELLED -> messages.get("replay.state.CANCELLED");
        };
    }
}
