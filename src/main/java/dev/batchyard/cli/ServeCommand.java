package dev.batchyard.cli;

import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.serve.Serving;
import dev.batchyard.serve.ShutdownOnSignal;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve --store DIR --config config.yaml [--listen HOST:PORT]}: runs until SIGTERM, holding
 * the store and answering the ingest and admin API ({@link Serving}). The shutdown drains and exits
 * 0 ({@link ShutdownOnSignal}); a start that fails (a bad config, a store another process holds, a
 * port in use) exits 1 with what to fix on stderr.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    BatchyardCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--listen", paramLabel = "HOST:PORT", descriptionKey = "option.listen")
    String listen;

    @Override
    public Integer call() throws InterruptedException {
        if (storeOptions.store() == null && storeOptions.config() == null) {
            throw new ParameterException(spec.commandLine(), root.messages().get("store.required"));
        }
        Serving serving = Serving.start(new StoreLocation(storeOptions.store(), storeOptions.config()), listen,
                root.context().clock());
        ShutdownOnSignal.install(serving, ShutdownOnSignal.BOUND);
        new CountDownLatch(1).await(); // the shutdown hook ends the process
        return 0;
    }
}
