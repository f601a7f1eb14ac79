package dev.batchyard.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the command objects picocli asks for: the root gets the context by its constructor, the
 * rest (subcommands, mixins, converters) are plain and reach the context through the root.
 */
final class CliFactory implements IFactory {
    private final CliContext context;
    private final IFactory plain = CommandLine.defaultFactory();

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == BatchyardCommand.class) {
            return type.cast(new BatchyardCommand(context));
        }
        return plain.create(type);
    }
}
