package dev.batchyard.cli;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.FailureText;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How commands open the store. Reading commands never create one (nor anything in a directory that
 * is not a store: {@code list --store ~} must not leave {@code segments/} behind) and, when another process holds
 * the lock, fall back to a read-only open and say so on stderr; writing commands need the lock.
 * The engine always gets a {@link CommandDelivery}, so a command never sends the backlog. Damage the
 * engine finds (at the open, or in the command's reads) is said on stderr, one line each
 * ({@link DamageLines}), except by verify, which reports it as its findings.
 */
final class StoreAccess {
    private final CliContext context;
    private final Messages messages;
    private final EngineTexts engineTexts;

    StoreAccess(CliContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
        this.engineTexts = new EngineTexts(messages.language());
    }

    /** For list, show, stats, export: the lock if free, else read-only. */
    OpenStore forReading(StoreOptions options) {
        EngineSettings settings = existing(options);
        try {
            return open(settings, EngineOptions.defaults(), true);
        } catch (StoreLockedException e) {
            context.err().println(messages.get("store.readOnlyFallback", Printable.of(engineTexts.failure(e).headline())));
            return open(settings, EngineOptions.defaults().withReadOnly(true), true);
        }
    }

    /** For verify: read-only, without the lock, whoever holds it; verify reports the damage itself. */
    OpenStore readOnly(StoreOptions options) {
        return open(existing(options), EngineOptions.defaults().withReadOnly(true), false);
    }

    /** For retry, discard, reroute (an existing store) and import-go ({@code mayCreate}). */
    OpenStore forWriting(StoreOptions options, boolean mayCreate) {
        EngineSettings settings = mayCreate ? settings(options) : existing(options);
        return open(settings, EngineOptions.defaults(), true);
    }

    private EngineSettings existing(StoreOptions options) {
        EngineSettings settings = settings(options);
        Path dir = settings.config().directory();
        String problem = !Files.exists(dir) ? "store.missing" : !Files.isDirectory(dir) ? "store.notDirectory"
                : !Files.isDirectory(dir.resolve("segments")) ? "store.notStore" : null;
        if (problem != null) {
            closeQuietly(settings);
            throw new CliException(messages.get(problem, dir));
        }
        return settings;
    }

    private EngineSettings settings(StoreOptions options) {
        try {
            return context.setup().load(options.store(), options.config());
        } catch (ConfigException e) {
            FailureText text = engineTexts.failure(e);
            String headline = e.file().isPresent() || options.config() == null ? text.headline()
                    : messages.get("config.problem", options.config(), text.headline());
            throw new CliException(headline, text.detail(), e);
        }
    }

    /** @param sayDamage whether to print on stderr the damage found, at the open and by the command */
    private OpenStore open(EngineSettings settings, EngineOptions options, boolean sayDamage) {
        try {
            EventBus events = new EventBus(context.clock());
            BatchPersistence engine = BatchPersistence.open(settings.config(),
                    new CommandDelivery(settings.sinks().delivery(events)), context.clock(), events, options);
            DamageLines damage = sayDamage ? new DamageLines(context.err(), messages) : null;
            if (damage != null) {
                damage.printNew(engine);
            }
            return new OpenStore(engine, settings, damage);
        } catch (StoreLockedException e) {
            throw e;
        } catch (StoreException e) {
            closeQuietly(settings);
            throw e;
        }
    }

    private static void closeQuietly(EngineSettings settings) {
        try {
            settings.close();
        } catch (RuntimeException e) {
            // the command already failed; that error is the one to report
        }
    }
}
