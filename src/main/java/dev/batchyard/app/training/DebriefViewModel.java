package dev.batchyard.app.training;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.i18n.Language;
import dev.batchyard.training.run.AppliedEvent;
import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.run.TaskResult;
import java.time.Duration;
import java.util.List;

/**
 * A finished run's debrief in the window's words: what happened (the timeline as applied), what
 * the trainee did (their lines of the audit trail), each task with what was checked and why it
 * matters, and the score. Read from the {@code training} package's {@link RunReport}, the same the
 * CLI prints; plain data, so a test reads it without a window.
 */
public record DebriefViewModel(String title, String score, String scoreDetail, boolean allPassed, List<String> events,
                               List<String> actions, List<TaskLines> tasks) {

    /** One task: its status line, its goal, each condition as last found, and its explanation. */
    public record TaskLines(String heading, boolean passed, String goal, List<CheckLine> checks, String why) {
    }

    /** One condition: what it says, and whether it held. */
    public record CheckLine(String text, boolean holds) {
    }

    public static DebriefViewModel of(RunReport report, Messages messages) {
        Language language = Language.of(messages.locale());
        DebriefWords words = new DebriefWords(messages);
        List<String> events = report.events().stream().map(e -> line(e, words)).toList();
        List<String> actions = report.traineeActions().isEmpty() ? List.of(messages.text("debrief.noActions"))
                : report.traineeActions().stream().map(r -> action(r, report, messages)).toList();
        List<TaskLines> tasks = report.tasks().stream().map(t -> new TaskLines(
                messages.format(statusKey(t.status()), t.task().id(),
                        t.decidedAt() == null ? "" : ScenarioTime.format(t.decidedAt()),
                        ScenarioTime.format(t.task().deadline())),
                t.status() == TaskResult.Status.PASSED, t.task().goal().in(language),
                t.verdicts().stream().map(v -> new CheckLine(words.condition(v), v.holds())).toList(),
                t.task().explanation() == null ? "" : messages.format("debrief.why", t.task().explanation().in(language))))
                .toList();
        return new DebriefViewModel(messages.format("debrief.title", report.scenario().title().in(language)),
                messages.format("debrief.score", report.score()),
                messages.format("debrief.scoreDetail", report.passed(), report.tasks().size(),
                        ScenarioTime.format(report.scenarioTime())),
                report.allPassed(), events, actions, tasks);
    }

    private static String statusKey(TaskResult.Status status) {
        return switch (status) {
            case WAITING -> "debrief.task.waiting";
            case OPEN -> "debrief.task.open";
            case PASSED -> "debrief.task.passed";
            case FAILED -> "debrief.task.failed";
        };
    }

    private static String line(AppliedEvent e, DebriefWords words) {
        return ScenarioTime.format(e.at()) + "  " + words.event(e.event())
                + (e.failure().isEmpty() ? "" : "  (" + e.failure() + ")");
    }

    private static String action(AuditRecord r, RunReport report, Messages messages) {
        long ok = r.results().stream().filter(AuditRecord.Result::ok).count();
        String at = r.at() == null ? "?" : ScenarioTime.format(Duration.between(report.start(), r.at()));
        return at + "  " + r.action() + (r.detail().isEmpty() ? "" : " " + r.detail())
                + (r.results().isEmpty() ? "" : "  " + messages.format("debrief.actionResults", r.results().size(), ok));
    }

}
