package dev.batchyard.app.dlq;

/**
 * One dead-letter file as the browse view lists it.
 *
 * @param openedAt when the agent opened it (from its name), formatted; empty for a name of another form
 * @param problem  why it was not read, or not to its end, in the operator's words; empty when it was
 */
public record DlqFileRow(String name, String openedAt, long entries, long damagedLines, String problem) {
}
