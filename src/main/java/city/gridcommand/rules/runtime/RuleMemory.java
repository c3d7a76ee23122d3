package city.gridcommand.rules.runtime;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.rules.EventTrigger;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.rules.SourceKind;
import city.gridcommand.rules.TriggerSource;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.store.LastHeardRepository;
import city.gridcommand.store.LastHeardRepository.LastHeard;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What the silence rules know beyond the messages this instance took: at start, each registered sender's
 * last stored message, so a device or terminal that fell silent while the service was down is still
 * reported; and, before a silence is raised, whether the database holds a later message (taken by another
 * instance, or before a restart), in which case the sender is not silent.
 */
@ApplicationScoped
public class RuleMemory {

    private static final Logger LOG = Logger.getLogger(RuleMemory.class);

    private final LastHeardRepository lastHeard;
    private final RuleEngine engine;
    private final LiveGrid grid;

    RuleMemory(LastHeardRepository lastHeard, RuleEngine engine, LiveGrid grid) {
        this.lastHeard = lastHeard;
        this.engine = engine;
        this.grid = grid;
    }

    /** After the grid (1000) and the registry (1100) are loaded, before ingestion starts (2000). */
    void onStart(@Observes @Priority(1500) StartupEvent event) {
        recallEveryRegisteredSender();
    }

    /** Tells the rules the last stored message of every registered device and worker. */
    public void recallEveryRegisteredSender() {
        List<LastHeard> heard = lastHeard.everyRegisteredSender().await().indefinitely();
        heard.forEach(this::recall);
        LOG.infof("the silence rules recall the last message of %d registered senders", heard.size());
    }

    /**
     * Whether the sender a silence trigger names has a message in the database newer than the one the
     * trigger was raised after; if so the rules are told of it, and the trigger must be dropped.
     */
    public boolean heardSince(EventTrigger silence) {
        TriggerSource source = silence.source();
        LastHeard last = lastHeard.lastOf(source.id(), SourceKind.WORKER.wireName().equals(source.kind()))
                .await().indefinitely();
        if (last == null || last.ts() <= source.ts()) {
            return false;
        }
        recall(last);
        return true;
    }

    private void recall(LastHeard last) {
        SourceKind kind = switch (last.feed()) {
            case TELEMETRY -> SourceKind.SENSOR;
            case DETECTION -> SourceKind.CAMERA;
            case WORKER_LOCATION -> SourceKind.WORKER;
            default -> "camera".equals(last.deviceKind()) ? SourceKind.CAMERA : SourceKind.SENSOR;
        };
        String sourceKind = last.feed() == SignalSource.DEVICE_STATUS ? SourceKind.DEVICE.wireName() : kind.wireName();
        engine.recall(kind, new TriggerSource(sourceKind, last.senderId(), last.seq(), last.ts()), where(last),
                last.receivedAt());
    }

    /** Where the message says it was sent from, else where the device is registered. */
    private CellLocation where(LastHeard last) {
        LiveGrid.Snapshot now = grid.snapshot();
        if (last.lat() != null && last.lon() != null) {
            return now.map().locate(last.lat(), last.lon());
        }
        return now.devices().get(last.senderId());
    }
}
