package city.gridcommand.app;

import city.gridcommand.signin.TokenCommand;
import city.gridcommand.embedded.BootstrapSettings;
import city.gridcommand.embedded.EmbeddedInfrastructure;
import city.gridcommand.embedded.EmbeddedStartException;
import city.gridcommand.sim.SimulateCommand;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The service's entry point: starts the embedded broker and database when none is configured, points
 * the service at them, then runs Quarkus. Embedded parts are stopped after Quarkus has drained.
 * {@code simulate …} instead runs the demo city's simulator and exits, without starting any of it;
 * {@code token …} prints a token of the built-in issuer ({@link TokenCommand}).
 */
@QuarkusMain
public final class GridCommandMain {

    private static volatile EmbeddedInfrastructure embedded;

    private GridCommandMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && "simulate".equals(args[0])) {
            System.exit(SimulateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && "token".equals(args[0])) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        try {
            embedded = EmbeddedInfrastructure.startMissing(BootstrapSettings.fromEnvironment());
        } catch (EmbeddedStartException e) {
            System.err.println("Grid Command cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        embedded.settings().forEach(System::setProperty);
        // The service stops its embedded parts after draining (StartupSequence.stop); a start that failed
        // before, or an exit that did not stop it, stops them here, before the process ends.
        BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        ApplicationLifecycleManager.setDefaultExitCodeHandler((code, cause) -> {
            stopEmbedded();
            exit.accept(code, cause);
        });
        Quarkus.run(args);
    }

    /** Stops the embedded parts, if this launcher started any; called once the service has stopped. */
    public static void stopEmbedded() {
        EmbeddedInfrastructure started = embedded;
        embedded = null;
        if (started != null) {
            started.close();
        }
    }
}
