package dev.batchyard.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the jar was built as. */
final class BatchyardVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BatchyardVersion.class.getPackage().getImplementationVersion();
        return new String[] {"batchyard " + (version == null ? "(development build)" : version)};
    }
}
