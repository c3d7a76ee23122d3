package city.gridcommand.live;

import city.gridcommand.store.EventChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Hands committed event changes to everyone who shows them (the MQTT event topics now, live screens
 * later). Called after the transaction that logged them, so nothing is shown that the log lacks; a
 * listener that fails never stops the others or the writer.
 */
public final class EventChangeRelay implements Consumer<List<EventChange>> {

    private static final Logger LOG = Logger.getLogger(EventChangeRelay.class);

    private final List<Consumer<EventChange>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<EventChange> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(List<EventChange> changes) {
        for (EventChange change : changes) {
            for (Consumer<EventChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "a listener failed on event change %d", change.seq());
                }
            }
        }
    }
}
