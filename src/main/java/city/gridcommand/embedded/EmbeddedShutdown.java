package city.gridcommand.embedded;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops the embedded broker and database last, after ingest has drained its in-flight batches. */
@ApplicationScoped
class EmbeddedShutdown {

    void onStop(@Observes @Priority(Integer.MAX_VALUE - 1) ShutdownEvent event) {
        GridCommandMain.stopEmbedded();
    }
}
