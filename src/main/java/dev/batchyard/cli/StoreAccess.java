package dev.batchyard.cli;

import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.FailureText;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.NoStoreException;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;

/**
 * How commands reach the store: through the runtime in the command's {@link Mode} (reading commands
 * take the lock if free and never create a store; changing commands need the lock; the engine never
 * sends the backlog by itself), wording what the runtime refuses for the operator, and saying on
 * stderr when a reading command fell back to read-only, and the damage the engine found (at the
 * open, or in the command's reads), one line each ({@link DamageLines}); verify reports damage as
 * its findings instead.
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

    /** For list, show, stats, export: the lock if free, else read-only (said on stderr). */
    CommandConsole reading(StoreOptions options) {
        return open(options, Mode.reading(), context.defaultActor(), true);
    }

    /** For verify: read-only, without the lock, whoever holds it; verify reports the damage itself. */
    CommandConsole readOnly(StoreOptions options) {
        return open(options, Mode.readOnly(), context.defaultActor(), false);
    }

    /** For retry, discard, reroute: an existing store, its lock, acting as {@code actor}. */
    CommandConsole changing(StoreOptions options, Actor actor) {
        return open(options, Mode.changing(), actor, true);
    }

    /** For import-go: the lock, creating the store if there is none. */
    CommandConsole importing(StoreOptions options) {
        return open(options, Mode.importing(), context.defaultActor(), true);
    }

    /** @param sayDamage whether to print on stderr the damage found, at the open and by the command */
    private CommandConsole open(StoreOptions options, Mode mode, Actor actor, boolean sayDamage) {
        OpenStore store;
        try {
            store = context.opener().open(new StoreLocation(options.store(), options.config()), mode);
        } catch (ConfigException e) {
            FailureText text = engineTexts.failure(e);
            String headline = e.file().isPresent() || options.config() == null ? text.headline()
                    : messages.get("config.problem", options.config(), text.headline());
            throw new CliException(headline, text.detail(), e);
        } catch (NoStoreException e) {
            throw new CliException(messages.get(switch (e.problem()) {
                case MISSING -> "store.missing";
                case NOT_A_DIRECTORY -> "store.notDirectory";
                case NOT_A_STORE -> "store.notStore";
            }, e.directory()), e);
        }
        Console console = store.console(actor);
        StoreInfo info = console.info();
        if (info.access() instanceof Access.HeldElsewhere held) {
            context.err().println(messages.get("store.readOnlyFallback",
                    Printable.of(engineTexts.storeLocked(info.settings().directory(), held.holderPid()))));
        }
        DamageLines damage = sayDamage ? new DamageLines(context.err(), messages) : null;
        if (damage != null) {
            damage.printNew(console);
        }
        return new CommandConsole(store, console, damage);
    }
}
