package city.gridcommand.screen;

import city.gridcommand.live.ChangeTail;
import city.gridcommand.store.ChangeLogReader;
import city.gridcommand.store.ChangePage;
import city.gridcommand.store.EventChange;
import city.gridcommand.store.LogPosition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The change log of the service's database and this instance's tail of it. */
@ApplicationScoped
class ChangeLogSource implements ChangeSource {

    private final ChangeLogReader reader;
    private final ChangeTail tail;

    ChangeLogSource(ChangeLogReader reader, ChangeTail tail) {
        this.reader = reader;
        this.tail = tail;
    }

    @Override
    public CompletionStage<LogPosition> position() {
        return reader.position();
    }

    @Override
    public CompletionStage<ChangePage> after(long since, String scope, int limit) {
        return reader.after(since, scope, limit);
    }

    @Override
    public AutoCloseable follow(Consumer<EventChange> listener) {
        return tail.follow(listener);
    }
}
