package dev.batchyard.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code --version} prints: from the module descriptor in a jlink'd installer (which
 * has no manifest), from the jar manifest in {@code batchyard.jar}, else a development build.
 */
final class BatchyardVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Module module = BatchyardVersion.class.getModule();
        String version = module.isNamed() && module.getDescriptor().rawVersion().isPresent()
                ? module.getDescriptor().rawVersion().get()
                : BatchyardVersion.class.getPackage().getImplementationVersion();
        return new String[] {"batchyard " + (version == null ? "(development build)" : version)};
    }
}
