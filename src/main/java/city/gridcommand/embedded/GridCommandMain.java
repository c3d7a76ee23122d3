package city.gridcommand.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: starts the embedded broker and database when none is configured, points
 * the service at them, then runs Quarkus. Embedded parts are stopped after Quarkus has drained.
 */
@QuarkusMain
public final class GridCommandMain {

    private static volatile EmbeddedInfrastructure embedded;

    private GridCommandMain() {
    }

    public static void main(String... args) {
        try {
            embedded = EmbeddedInfrastructure.startMissing(BootstrapSettings.fromEnvironment());
        } catch (EmbeddedStartException e) {
            System.err.println("Grid Command cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        embedded.settings().forEach(System::setProperty);
        Quarkus.run(args);
    }

    /** Stops the embedded parts, if this launcher started any; called once the service has stopped. */
    static void stopEmbedded() {
        EmbeddedInfrastructure started = embedded;
        embedded = null;
        if (started != null) {
            started.close();
        }
    }
}
